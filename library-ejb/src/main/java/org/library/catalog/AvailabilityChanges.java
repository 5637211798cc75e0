package org.library.catalog;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.library.changes.ChangeLog;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * Which books' availability changed since a place in the change log, and what it is now: what the
 * pages show live ("2 of 3 on the shelf"), whichever instance of a cluster lent or took back the
 * copy. The change log is the one record of every commit on every instance, in commit order, and
 * every position up to its head is committed ({@link org.library.changes.ChangeLog}), so a reader
 * that keeps the head it read misses nothing and sees nothing twice. Public figures only (the
 * catalogue shows them to anyone), never who borrowed.
 */
@Stateless
@Guarded
@Allowed(Roles.ANYONE)
public class AvailabilityChanges {

    /**
     * The most log positions one read covers: after a bulk change (an import) the readers skip to
     * the head rather than read its every entry; the pages then show what they loaded until the
     * next change of each book.
     */
    static final long MOST = 5_000;

    @PersistenceContext
    private EntityManager em;

    /** A book's copies as the catalogue shows them. */
    public record Availability(long bookId, int copies, int available, int onHold) {
    }

    /** What changed up to {@code head}, the place to read from next time. */
    public record Changed(long head, List<Availability> books) {
    }

    /** The change log's head: where a new reader starts. */
    public long head() {
        return ChangeLog.head(em);
    }

    /** The books whose copies a change after {@code after} lent, returned, set aside or counted anew. */
    public Changed since(long after) {
        long head = head();
        if (head <= after) {
            return new Changed(after, List.of()); // the common case: one read by primary key
        }
        if (head - after > MOST) {
            return new Changed(head, List.of());
        }
        List<?> rows = em.createNativeQuery("SELECT b.id, b.copies, b.on_loan, b.on_hold FROM books b WHERE b.id IN ("
                        + "SELECT c.record_id FROM changes c WHERE c.position > ? AND c.position <= ? AND c.record_type = 'book' "
                        + "UNION SELECT l.book_id FROM changes c JOIN loans l ON l.id = c.record_id "
                        + "WHERE c.position > ? AND c.position <= ? AND c.record_type = 'loan' "
                        + "UNION SELECT h.book_id FROM changes c JOIN holds h ON h.id = c.record_id "
                        + "WHERE c.position > ? AND c.position <= ? AND c.record_type = 'hold') ORDER BY b.id")
                .setParameter(1, after).setParameter(2, head).setParameter(3, after).setParameter(4, head)
                .setParameter(5, after).setParameter(6, head).getResultList();
        List<Availability> books = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            int copies = ((Number) r[1]).intValue();
            int onLoan = ((Number) r[2]).intValue();
            int onHold = ((Number) r[3]).intValue();
            books.add(new Availability(((Number) r[0]).longValue(), copies, copies - onLoan - onHold, onHold));
        }
        return new Changed(head, books);
    }
}
