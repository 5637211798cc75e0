package org.library.notices;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.library.platform.Backoff;
import org.library.platform.Leases;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * The notices waiting to be sent, in the database, so that every instance of a cluster sends and
 * none loses one when it stops. Each step is a transaction of its own, called by
 * {@link NoticeSender}: a notice is leased to one instance ({@code UPDATE … WHERE the lease has
 * expired}: one instance wins it) for {@link #LEASE}, sent, and then marked sent, or due again
 * after a backoff, or failed for good after {@code library.notices.retry-hours}. An instance
 * killed between the mail server's "250 OK" and the mark leaves a notice that is sent again once
 * its lease runs out; its Message-ID stays the same, by which mail systems drop the copy.
 */
@Stateless
@Guarded
@Allowed(Roles.STAFF)
public class NoticeOutbox {

    /** Well above what one round may take with the mail server's timeouts. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final int ERROR_LENGTH = 500;

    /** How long a notice is kept once sent or given up: the member's log, then pruned. */
    public static final Duration KEPT = Duration.ofDays(90);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** A notice leased to this instance, with what sending it needs. */
    public record Claimed(long id, String recipient, String subject, String text, String html, String lease) {

        @Override
        public String toString() {
            return "Notice[" + id + "]"; // never the address or the words
        }
    }

    /** A notice as staff read it in the member's log. */
    public record Entry(long id, String kind, String subject, String state, int attempts, String lastError,
                        Instant createdAt, Instant finishedAt) {
    }

    /**
     * What the senders are up to, for the health check and the metrics.
     *
     * @param failingSince when the oldest notice still waiting after a failed attempt was made; empty when none failed
     */
    public record Status(long pending, long failed, Optional<Instant> failingSince, Optional<String> lastError) {
    }

    @Inject
    private NoticeWriter writer;

    /** Makes the "hold ready" notices the change log owes, in a transaction of its own ({@link NoticeWriter#pump}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pump() {
        return writer.pump();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claimDue(int max) {
        long now = clock.millis();
        List<?> due = em.createNativeQuery("SELECT id FROM notices WHERE state = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id")
                .setParameter(1, now).setParameter(2, now).setMaxResults(max).getResultList();
        String lease = Leases.newOwner();
        List<Claimed> claimed = new ArrayList<>();
        for (Object id : due) {
            int won = em.createNativeQuery("UPDATE notices SET lease_owner = ?, lease_until = ? "
                            + "WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")
                    .setParameter(1, lease).setParameter(2, now + LEASE.toMillis()).setParameter(3, number(id))
                    .setParameter(4, now).executeUpdate();
            if (won == 1) {
                Object[] r = (Object[]) em.createNativeQuery("SELECT id, recipient, subject, text_body, html_body FROM notices WHERE id = ?")
                        .setParameter(1, number(id)).getSingleResult();
                claimed.add(new Claimed(number(r[0]), (String) r[1], (String) r[2], r[3].toString(), r[4].toString(), lease));
            }
        }
        return claimed;
    }

    /**
     * Marks the notice sent, or due again, or failed for good, if this instance still holds its
     * lease (else another instance took it over, and its own attempt decides).
     *
     * @param error null when the mail server took the message
     * @return whether this instance still held the lease
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(Claimed notice, String error) {
        List<?> found = em.createNativeQuery("SELECT attempts, give_up_at FROM notices WHERE id = ? AND lease_owner = ? AND state = 'PENDING'")
                .setParameter(1, notice.id()).setParameter(2, notice.lease()).getResultList();
        if (found.isEmpty()) {
            return false; // the member was deleted meanwhile, or the lease ran out and another instance took it
        }
        Object[] row = (Object[]) found.get(0);
        int attempts = (int) number(row[0]) + 1;
        Instant now = clock.instant();
        if (error == null) {
            em.createNativeQuery("UPDATE notices SET state = 'SENT', attempts = ?, finished_at = ?, lease_owner = NULL, "
                            + "lease_until = NULL WHERE id = ?")
                    .setParameter(1, attempts).setParameter(2, now.toEpochMilli()).setParameter(3, notice.id()).executeUpdate();
            return true;
        }
        String reason = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH - 1) + "\u2026" : error;
        long giveUpAt = number(row[1]);
        if (now.toEpochMilli() >= giveUpAt) {
            em.createNativeQuery("UPDATE notices SET state = 'FAILED', attempts = ?, last_error = ?, finished_at = ?, "
                            + "lease_owner = NULL, lease_until = NULL WHERE id = ?")
                    .setParameter(1, attempts).setParameter(2, reason).setParameter(3, now.toEpochMilli())
                    .setParameter(4, notice.id()).executeUpdate();
        } else {
            long retry = Math.min(giveUpAt, now.plus(Backoff.after(attempts, ThreadLocalRandom.current().nextDouble())).toEpochMilli());
            em.createNativeQuery("UPDATE notices SET attempts = ?, last_error = ?, next_attempt_at = ?, lease_owner = NULL, "
                            + "lease_until = NULL WHERE id = ?")
                    .setParameter(1, attempts).setParameter(2, reason).setParameter(3, retry).setParameter(4, notice.id())
                    .executeUpdate();
        }
        return true;
    }

    /** The member's notices, newest first, at most {@code max}. */
    @Allowed({Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.CARD_HOLDER})
    public List<Entry> log(long memberId, int max) {
        List<?> rows = em.createNativeQuery("SELECT id, kind, subject, state, attempts, last_error, created_at, finished_at "
                        + "FROM notices WHERE member_id = ? ORDER BY created_at DESC, id DESC")
                .setParameter(1, memberId).setMaxResults(max).getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            entries.add(new Entry(number(r[0]), (String) r[1], (String) r[2], (String) r[3], (int) number(r[4]), (String) r[5],
                    Instant.ofEpochMilli(number(r[6])), r[7] == null ? null : Instant.ofEpochMilli(number(r[7]))));
        }
        return entries;
    }

    /** Counts for the health check and the metrics: two index reads. */
    @Allowed(Roles.ANYONE)
    public Status status() {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) FROM notices WHERE state IN ('PENDING', 'FAILED')").getSingleResult();
        List<?> failing = em.createNativeQuery("SELECT created_at, last_error FROM notices WHERE state = 'PENDING' AND attempts > 0 "
                + "ORDER BY created_at, id").setMaxResults(1).getResultList();
        Optional<Object[]> oldest = failing.stream().map(r -> (Object[]) r).findFirst();
        return new Status(counts[0] == null ? 0 : number(counts[0]), counts[1] == null ? 0 : number(counts[1]),
                oldest.map(r -> Instant.ofEpochMilli(number(r[0]))), oldest.map(r -> (String) r[1]));
    }

    /** Removes the notices sent or given up more than {@link #KEPT} ago. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune() {
        return em.createNativeQuery("DELETE FROM notices WHERE state <> 'PENDING' AND finished_at < ?")
                .setParameter(1, clock.instant().minus(KEPT).toEpochMilli()).executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
