package org.library.notices;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.platform.Leases;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * Makes the day's digests: one notice per member who has loans due within
 * {@code library.notices.due-soon-days}, overdue loans or holds ready, once per day, on one
 * instance of a cluster at a time.
 *
 * <p>The run's row ({@code notice_runs}) is its lease and its bookmark: an instance takes it
 * ({@link #claim}) when the day's digest hour has come and no other instance holds it, makes the
 * digests member by member in batches that each commit with the bookmark moved on
 * ({@link #batch}), and marks the day done with the last one. An instance that stops mid-run
 * leaves the bookmark where its last batch committed; once the lease has run out, the next one
 * carries on from there. A notice's key ({@code digest:<day>}, UNIQUE with the member) makes a
 * second digest of a day impossible whatever happens in between.
 */
@Stateless
@Guarded
@Allowed(Roles.STAFF)
public class DigestRun {

    /** Members per batch (each a transaction). */
    static final int BATCH = 100;

    /** How long a run may go without committing a batch before another instance takes it over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private NoticeSettings settings;

    @Inject
    private NoticeWriter writer;

    /** The run of a day this instance holds, and where it stands. */
    public record Run(LocalDate day, String lease, long afterMember) {
    }

    /** @return the run of today, when it is due (the hour has come, not done yet) and no other instance holds it */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Run> claim() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        if (!settings.enabled() || now.getHour() < settings.values().digestHour()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT done_day, running_day, after_member, lease_until FROM notice_runs "
                + "WHERE name = 'digest'").getSingleResult();
        LocalDate done = day(row[0]);
        if (done != null && !done.isBefore(today)) {
            return Optional.empty();
        }
        long millis = clock.millis();
        if (row[3] != null && ((Number) row[3]).longValue() >= millis) {
            return Optional.empty(); // another instance runs it
        }
        // a run of an earlier day that never ended is not finished: today's digests say what is true today
        long after = today.equals(day(row[1])) ? ((Number) row[2]).longValue() : 0;
        String lease = Leases.newOwner();
        int won = em.createNativeQuery("UPDATE notice_runs SET lease_owner = ?, lease_until = ?, running_day = ?, after_member = ? "
                        + "WHERE name = 'digest' AND (lease_until IS NULL OR lease_until < ?)")
                .setParameter(1, lease).setParameter(2, millis + LEASE.toMillis()).setParameter(3, java.sql.Date.valueOf(today))
                .setParameter(4, after).setParameter(5, millis).executeUpdate();
        return won == 1 ? Optional.of(new Run(today, lease, after)) : Optional.empty();
    }

    /**
     * Makes the digests of the next members of the run, and moves its bookmark on in the same
     * transaction.
     *
     * @return the run as it stands after the batch; empty when the day is done, or the lease was
     *         lost (another instance took the run over: this batch is rolled back)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Run> batch(Run run) {
        LocalDate until = run.day().plusDays(settings.values().dueSoonDays());
        List<?> found = em.createNativeQuery("SELECT m.id FROM members m WHERE m.id > ? AND m.notices = 1 AND ("
                        + "EXISTS (SELECT 1 FROM loans l WHERE l.member_id = m.id AND l.returned_at IS NULL AND l.due_on <= ?) "
                        + "OR EXISTS (SELECT 1 FROM holds h WHERE h.member_id = m.id AND h.status = 'READY')) ORDER BY m.id")
                .setParameter(1, run.afterMember()).setParameter(2, java.sql.Date.valueOf(until)).setMaxResults(BATCH).getResultList();
        List<Long> ids = found.stream().map(id -> ((Number) id).longValue()).toList();
        if (!ids.isEmpty()) {
            write(run.day(), until, ids);
        }
        long last = ids.isEmpty() ? run.afterMember() : ids.get(ids.size() - 1);
        boolean done = ids.size() < BATCH;
        int held = (done
                ? em.createNativeQuery("UPDATE notice_runs SET done_day = ?, running_day = NULL, after_member = 0, lease_owner = NULL, "
                        + "lease_until = NULL WHERE name = 'digest' AND lease_owner = ?").setParameter(1, java.sql.Date.valueOf(run.day()))
                        .setParameter(2, run.lease())
                : em.createNativeQuery("UPDATE notice_runs SET after_member = ?, lease_until = ? WHERE name = 'digest' AND lease_owner = ?")
                        .setParameter(1, last).setParameter(2, clock.millis() + LEASE.toMillis()).setParameter(3, run.lease()))
                .executeUpdate();
        if (held == 0) {
            throw new LeaseLostException();
        }
        return done ? Optional.empty() : Optional.of(new Run(run.day(), run.lease(), last));
    }

    private void write(LocalDate today, LocalDate until, List<Long> ids) {
        Map<Long, List<NoticeTexts.DueLoan>> overdue = new HashMap<>();
        Map<Long, List<NoticeTexts.DueLoan>> dueSoon = new HashMap<>();
        Map<Long, List<NoticeTexts.ReadyHold>> ready = new HashMap<>();
        for (Loan loan : em.createQuery("SELECT l FROM Loan l JOIN FETCH l.book b JOIN FETCH b.author WHERE l.memberId IN :ids "
                        + "AND l.returnedAt IS NULL AND l.dueOn <= :until ORDER BY l.dueOn, l.id", Loan.class)
                .setParameter("ids", ids).setParameter("until", until).getResultList()) {
            NoticeTexts.DueLoan due = new NoticeTexts.DueLoan(loan.getBook().getTitle(), loan.getBook().getAuthor().getName(), loan.getDueOn());
            (loan.getDueOn().isBefore(today) ? overdue : dueSoon).computeIfAbsent(loan.getMemberId(), k -> new ArrayList<>()).add(due);
        }
        for (Hold hold : em.createQuery("SELECT h FROM Hold h JOIN FETCH h.book b JOIN FETCH b.author WHERE h.memberId IN :ids "
                        + "AND h.status = :ready ORDER BY h.pickupBy, h.id", Hold.class)
                .setParameter("ids", ids).setParameter("ready", Hold.Status.READY).getResultList()) {
            ready.computeIfAbsent(hold.getMemberId(), k -> new ArrayList<>()).add(new NoticeTexts.ReadyHold(
                    hold.getBook().getTitle(), hold.getBook().getAuthor().getName(), hold.getPickupBy()));
        }
        NoticeSettings.Values values = settings.values();
        for (Member member : em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class)
                .setParameter("ids", ids).getResultList()) {
            long id = member.getId();
            List<NoticeTexts.DueLoan> late = overdue.getOrDefault(id, List.of());
            List<NoticeTexts.DueLoan> soon = dueSoon.getOrDefault(id, List.of());
            List<NoticeTexts.ReadyHold> waiting = ready.getOrDefault(id, List.of());
            if (late.isEmpty() && soon.isEmpty() && waiting.isEmpty()) {
                continue; // returned between the two reads
            }
            writer.insert(id, "DIGEST", "digest:" + today, member.getEmail(), NoticeTexts.digest(values.libraryName(), member.getName(),
                    today, late, soon, waiting, NoticeTexts.myLoans(values.publicUrl(), id)));
        }
    }

    private static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Another instance took the run over while this one made a batch: the batch is rolled back. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class LeaseLostException extends RuntimeException {

        LeaseLostException() {
            super("the digest run's lease ran out; another instance carries on");
        }
    }
}
