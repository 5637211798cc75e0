package org.library.transfer;

import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import org.library.platform.access.Allowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The chunks an export is made of: the next {@code limit} rows after the last id written, in id
 * order (keyset paging: each chunk is an index range scan, as fast at the millionth row as at the
 * first, where an OFFSET would read and skip every row before it). Each call is a short
 * transaction of its own, so an export holds no lock and no connection between its chunks.
 *
 * <p>Each row is its id first, then the values of the CSV columns in order.
 */
@Stateless
@Guarded
public class ExportQueries {

    @PersistenceContext
    private EntityManager em;

    /** id, isbn, title, publication_year, copies, author, author_birth_year, author_death_year */
    @Allowed(Roles.CATALOGUE_READ)
    public List<Object[]> books(long afterId, int limit) {
        return em.createQuery("SELECT b.id, b.isbn, b.title, b.publicationYear, b.copies, a.name, a.birthYear, a.deathYear "
                        + "FROM Book b JOIN b.author a WHERE b.id > :after ORDER BY b.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** id, member_number, name, email, joined_on, active */
    @Allowed(Roles.MEMBERS_WRITE)
    public List<Object[]> members(long afterId, int limit) {
        return em.createQuery("SELECT m.id, m.memberNumber, m.name, m.email, m.joinedOn, m.active "
                        + "FROM Member m WHERE m.id > :after ORDER BY m.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** id, member_number (null once anonymised), isbn, title, borrowed_at, due_on, returned_at, renewals */
    @Allowed(Roles.CIRCULATION)
    public List<Object[]> loans(long afterId, int limit) {
        return em.createQuery("SELECT l.id, m.memberNumber, b.isbn, b.title, l.borrowedAt, l.dueOn, l.returnedAt, l.renewals "
                        + "FROM Loan l LEFT JOIN l.member m JOIN l.book b WHERE l.id > :after ORDER BY l.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }
}
