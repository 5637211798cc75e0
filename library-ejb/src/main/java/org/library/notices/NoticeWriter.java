package org.library.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.library.catalog.Book;
import org.library.circulation.CirculationEvent;
import org.library.circulation.Hold;
import org.library.members.Member;

/**
 * Makes notices: rows of the {@code notices} outbox, which {@link NoticeSender} sends.
 *
 * <p>"Your hold is ready" is made from the change log ({@link #pump}): its {@code hold.ready}
 * entries are committed, so a transaction rolled back (a deadlock victim, a refused return) owes
 * no notice, and none is lost when an instance stops. Nothing is added to the transaction that
 * sets the copy aside, which would otherwise lock the waiting member's row (the notice's foreign
 * key) after the books it holds, against the order every circulation operation locks in. The
 * sender is woken once such a transaction has committed on this instance, and pumps every ten
 * seconds on every instance for the others. A failure of the mail server never reaches the
 * circulation: nothing here talks to it.
 */
@ApplicationScoped
public class NoticeWriter {

    /** The most change-log entries one pump reads. */
    static final int PUMP_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    NoticeSettings settings;

    @Inject
    NoticeSender sender;

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) CirculationEvent event) {
        if (event.kind() == CirculationEvent.Kind.HOLD_READY && settings.enabled()) {
            sender.wake();
        }
    }

    /**
     * Turns the change log's {@code hold.ready} entries since the pump's place into notices, in the
     * caller's transaction, and moves the place on. One instance pumps at a time (the pump's row is
     * locked); it reads the log's head first, as the feed does, so that its place never passes an
     * entry still to come. A hold no longer ready by now (picked up, cancelled) is told nothing.
     *
     * @return the notices made
     */
    public int pump() {
        Object[] seen = (Object[]) em.createNativeQuery("SELECT p.position, c.position FROM notice_pump p, change_counter c "
                + "WHERE p.id = 1 AND c.id = 1").getSingleResult();
        if (number(seen[0]) >= number(seen[1])) {
            return 0; // nothing committed since: no lock, no write
        }
        em.createNativeQuery("UPDATE notice_pump SET position = position WHERE id = 1").executeUpdate(); // the lock
        long place = number(em.createNativeQuery("SELECT position FROM notice_pump WHERE id = 1").getSingleResult());
        long head = number(em.createNativeQuery("SELECT position FROM change_counter WHERE id = 1").getSingleResult());
        List<?> entries = em.createNativeQuery("SELECT position, record_id FROM changes WHERE position > ? AND position <= ? "
                        + "AND record_type = 'hold' AND action = 'ready' ORDER BY position")
                .setParameter(1, place).setParameter(2, head).setMaxResults(PUMP_BATCH).getResultList();
        int made = 0;
        for (Object entry : entries) {
            Hold hold = em.find(Hold.class, number(((Object[]) entry)[1]));
            if (hold != null && hold.getStatus() == Hold.Status.READY && holdReady(hold)) {
                made++;
            }
        }
        long next = entries.size() == PUMP_BATCH ? number(((Object[]) entries.get(entries.size() - 1))[0]) : head;
        em.createNativeQuery("UPDATE notice_pump SET position = ? WHERE id = 1").setParameter(1, next).executeUpdate();
        return made;
    }

    private boolean holdReady(Hold hold) {
        Member member = hold.getMember();
        if (!member.wantsNotices()) {
            return false;
        }
        Book book = hold.getBook();
        NoticeSettings.Values values = settings.values();
        NoticeTexts.Message message = NoticeTexts.holdReady(values.libraryName(), member.getName(),
                new NoticeTexts.ReadyHold(book.getTitle(), book.getAuthor().getName(), hold.getPickupBy()),
                NoticeTexts.myLoans(values.publicUrl(), member.getId()));
        return insert(member.getId(), "HOLD_READY", "hold-ready:" + hold.getId(), member.getEmail(), message);
    }

    /**
     * Adds a notice unless the member has one with this key already (a run made again after a
     * restart, another instance's run): the UNIQUE key decides in the end, this check spares
     * the common case its exception.
     *
     * @return whether it was added
     */
    public boolean insert(long memberId, String kind, String key, String recipient, NoticeTexts.Message message) {
        List<?> existing = em.createNativeQuery("SELECT id FROM notices WHERE member_id = ? AND notice_key = ?")
                .setParameter(1, memberId).setParameter(2, key).getResultList();
        if (!existing.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        em.createNativeQuery("INSERT INTO notices (member_id, kind, notice_key, recipient, subject, text_body, html_body, state, "
                        + "attempts, created_at, next_attempt_at, give_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .setParameter(1, memberId).setParameter(2, kind).setParameter(3, key).setParameter(4, recipient)
                .setParameter(5, message.subject()).setParameter(6, message.text()).setParameter(7, message.html())
                .setParameter(8, now).setParameter(9, now).setParameter(10, now + settings.values().retry().toMillis())
                .executeUpdate();
        return true;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
