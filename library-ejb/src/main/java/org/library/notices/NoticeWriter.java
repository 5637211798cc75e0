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
 * <p>"Your hold is ready" is made in the very transaction that set the copy aside, as a
 * synchronous observer of the circulation's event: it commits with the hold, and a transaction
 * rolled back (a deadlock victim, a refused return) leaves no notice behind. The sender is woken
 * once that transaction has committed; its timer sends what a wake-up missed. A failure of the
 * mail server never reaches the circulation: nothing here talks to it.
 */
@ApplicationScoped
public class NoticeWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    NoticeSettings settings;

    @Inject
    NoticeSender sender;

    void holdReady(@Observes(during = TransactionPhase.IN_PROGRESS) CirculationEvent event) {
        if (event.kind() != CirculationEvent.Kind.HOLD_READY || !settings.enabled()) {
            return;
        }
        // all three were read by the operation that set the copy aside: no query here
        Member member = em.find(Member.class, event.memberId());
        Hold hold = em.find(Hold.class, event.recordId());
        Book book = em.find(Book.class, event.bookId());
        if (member == null || hold == null || book == null || !member.wantsNotices()) {
            return;
        }
        NoticeSettings.Values values = settings.values();
        NoticeTexts.Message message = NoticeTexts.holdReady(values.libraryName(), member.getName(),
                new NoticeTexts.ReadyHold(book.getTitle(), book.getAuthor().getName(), hold.getPickupBy()),
                NoticeTexts.myLoans(values.publicUrl(), member.getId()));
        insert(member.getId(), "HOLD_READY", "hold-ready:" + hold.getId(), member.getEmail(), message);
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) CirculationEvent event) {
        if (event.kind() == CirculationEvent.Kind.HOLD_READY && settings.enabled()) {
            sender.wake();
        }
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
}
