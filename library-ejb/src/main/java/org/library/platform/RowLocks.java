package org.library.platform;

import jakarta.persistence.EntityManager;

/**
 * Exclusive row locks that last until the transaction ends, taken in one fixed order by every
 * operation that changes a member's holdings — a member's row, then a book's — so that two such
 * operations on one member or one book run one after the other.
 *
 * <p>The lock is a no-op UPDATE, not {@code em.find(…, PESSIMISTIC_WRITE)}: EclipseLink builds the
 * entity of a lock query with its collections loaded, which reads the rows of the member's other
 * books (or the book's other borrowers) while this transaction holds locks — exactly the circle of
 * waits the lock order is meant to prevent. An UPDATE holds its exclusive lock to the end of the
 * transaction on every database (a plain {@code SELECT … FOR UPDATE} does not, on Derby at READ
 * COMMITTED). Read the entity after the lock, so that it is the committed, current row.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** Locks the member's row; the first lock of every circulation operation and of a member's deletion. */
    public static void member(EntityManager em, long id) {
        lock(em, "members", id);
    }

    /** Locks the book's row; taken after the member's when both are. */
    public static void book(EntityManager em, long id) {
        lock(em, "books", id);
    }

    private static void lock(EntityManager em, String table, long id) {
        em.createNativeQuery("UPDATE " + table + " SET version = version WHERE id = ?").setParameter(1, id).executeUpdate();
    }
}
