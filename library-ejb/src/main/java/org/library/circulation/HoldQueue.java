package org.library.circulation;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.changes.ChangeLog;
import org.library.circulation.CirculationEvent.Kind;

/**
 * The hold queue of a book: the members waiting for it, first come first served. A copy that
 * comes back, or that the library adds, goes aside for the first in line (READY until the pickup
 * day) and nobody else can borrow it; a pickup day that passes hands the copy to the next in line,
 * or back to the shelf.
 *
 * <p>The queue's moves, for {@link CirculationService}'s commands: each is called on a book the
 * command has locked, in the command's transaction (a dependent bean, neither a transaction
 * boundary nor a door of its own).
 */
@Dependent
class HoldQueue {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CirculationPolicy policy;

    @Inject
    private Event<CirculationEvent> events;

    @Inject
    private ChangeLog changes;

    /**
     * Ends the book's passed pickup windows: each such copy passes to the next member in the
     * queue, or back to the shelf.
     *
     * @return how many holds expired
     */
    int expire(Book book, LocalDate today) {
        List<Hold> late = em.createQuery("SELECT h FROM Hold h WHERE h.book = :book AND h.status = :ready "
                        + "AND h.pickupBy < :today ORDER BY h.pickupBy, h.id", Hold.class)
                .setParameter("book", book).setParameter("ready", Hold.Status.READY).setParameter("today", today)
                .getResultList();
        for (Hold hold : late) {
            hold.close(Hold.Status.EXPIRED, clock.instant());
            announce(Kind.HOLD_EXPIRED, hold, book);
            passSetAsideCopy(book, today);
        }
        return late.size();
    }

    /** A set-aside copy no longer wanted by its member: to the next in line, or to the shelf. */
    void passSetAsideCopy(Book book, LocalDate today) {
        book.releaseSetAside();
        offerToNext(book, today);
    }

    /**
     * A copy on the shelf goes aside for the first waiting member, if there is one.
     *
     * @return whether a copy was set aside
     */
    boolean offerToNext(Book book, LocalDate today) {
        if (book.getAvailable() < 1) {
            return false;
        }
        Optional<Hold> next = em.createNamedQuery(Hold.QUEUE, Hold.class).setParameter("book", book)
                .setParameter("waiting", Hold.Status.WAITING).setMaxResults(1)
                .getResultStream().findFirst();
        next.ifPresent(hold -> {
            book.setAsideForHold();
            hold.ready(today.plusDays(policy.holdPickupDays()));
            announce(Kind.HOLD_READY, hold, book);
        });
        return next.isPresent();
    }

    /**
     * The hold's place in its book's queue (1 = next in line). Counts only the book's own holds,
     * which the command's lock on the book keeps still.
     */
    int position(Hold hold) {
        return em.createNamedQuery(Hold.POSITION, Long.class).setParameter("id", hold.getId())
                .setParameter("waiting", Hold.Status.WAITING).getSingleResult().intValue();
    }

    private void announce(Kind kind, Hold hold, Book book) {
        changes.record(kind.action(), hold);
        events.fire(new CirculationEvent(kind, memberOf(hold), book.getId(), hold.getId()));
    }

    /*
     * The member of another member's hold, by its foreign key: hold.getMember() would load the
     * member's row, a row of someone else this transaction has not locked (see RowLocks).
     */
    private long memberOf(Hold hold) {
        return ((Number) em.createNativeQuery("SELECT member_id FROM holds WHERE id = ?").setParameter(1, hold.getId())
                .getSingleResult()).longValue();
    }
}
