package org.library.changes;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where a consumer of the change log stands (the webhooks' deliveries, the e-mail notices): a
 * table of one row, {@code id = 1}, whose {@code position} is the last entry the consumer has
 * turned into rows of its own, in the same transactions as those rows. One instance pumps at a
 * time: {@link #claim} locks the row in the caller's transaction, after a first read that leaves
 * an idle library (nothing committed since) without a lock or a write.
 */
public final class ChangePump {

    private static final Logger LOG = Logger.getLogger(ChangePump.class.getName());

    /** The entries to pump: those after {@code place} up to {@code head}, the log's committed head. */
    public record Span(long place, long head) {
    }

    private final String table;

    private final String consumer;

    /**
     * @param table    the pump's table, a name of the schema's (never input)
     * @param consumer who pumps, for the log
     */
    public ChangePump(String table, String consumer) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table of the schema: " + table);
        }
        this.table = table;
        this.consumer = consumer;
    }

    /**
     * Locks the pump's row and says what to pump, in the caller's transaction. The head is read
     * after the lock, as the feed reads it before its entries: every position up to it is
     * committed, so the pump's place never passes an entry still to come. A pump that fell behind
     * the log's retention starts at its oldest entry, and says what it missed.
     *
     * @return empty when nothing was committed since the pump's place: then nothing is locked
     */
    public Optional<Span> claim(EntityManager em) {
        Object[] seen = (Object[]) em.createNativeQuery("SELECT p.position, c.position FROM " + table + " p, change_counter c "
                + "WHERE p.id = 1 AND c.id = 1").getSingleResult();
        if (number(seen[0]) >= number(seen[1])) {
            return Optional.empty();
        }
        em.createNativeQuery("UPDATE " + table + " SET position = position WHERE id = 1").executeUpdate(); // the lock
        Object[] locked = (Object[]) em.createNativeQuery("SELECT p.position, c.position, c.pruned_through FROM " + table
                + " p, change_counter c WHERE p.id = 1 AND c.id = 1").getSingleResult();
        long place = number(locked[0]);
        long head = number(locked[1]);
        long pruned = number(locked[2]);
        if (place < pruned) {
            LOG.warning(() -> "The " + consumer + " pump was behind the change log's retention: entries after " + place
                    + " up to " + pruned + " were pruned before they were pumped.");
            Span span = new Span(place, head);
            moveTo(em, span, pruned); // past them for good, whatever this round pumps
            return Optional.of(new Span(pruned, head));
        }
        return Optional.of(new Span(place, head));
    }

    /** Moves the pump's place on to {@code next}, in the transaction that claimed {@code span}. */
    public void moveTo(EntityManager em, Span span, long next) {
        if (next != span.place()) {
            em.createNativeQuery("UPDATE " + table + " SET position = ? WHERE id = 1").setParameter(1, next).executeUpdate();
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
