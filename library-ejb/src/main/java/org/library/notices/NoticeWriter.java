package org.library.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.changes.ChangePump;
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

    private static final ChangePump PUMP = new ChangePump("notice_pump", "notice");

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
     * caller's transaction, and moves the place on: one instance at a time ({@link ChangePump#claim}).
     * A hold no longer ready by now (picked up, cancelled) is told nothing.
     *
     * @return the notices made
     */
    public int pump() {
        Optional<ChangePump.Span> claimed = PUMP.claim(em);
        if (claimed.isEmpty()) {
            return 0; // nothing committed since: no lock, no write
        }
        ChangePump.Span span = claimed.get();
        List<?> entries = em.createNativeQuery("SELECT position, record_id FROM changes WHERE position > ? AND position <= ? "
                        + "AND record_type = 'hold' AND action = 'ready' ORDER BY position")
                .setParameter(1, span.place()).setParameter(2, span.head()).setMaxResults(PUMP_BATCH).getResultList();
        int made = 0;
        for (Object entry : entries) {
            Hold hold = em.find(Hold.class, number(((Object[]) entry)[1]));
            if (hold != null && hold.getStatus() == Hold.Status.READY && holdReady(hold)) {
                made++;
            }
        }
        PUMP.moveTo(em, span, entries.size() == PUMP_BATCH ? number(((Object[]) entries.get(entries.size() - 1))[0]) : span.head());
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
