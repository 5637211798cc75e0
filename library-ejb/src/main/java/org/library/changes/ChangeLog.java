package org.library.changes;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Writes the change log: one entry per change, in the transaction of the change (it must be
 * called inside one), so that a rolled-back change leaves no entry and a committed one exactly one.
 *
 * <p>Call it after the operation's last write. It flushes, so that the entry carries the version
 * the database now holds, then takes the next position from {@code change_counter}, whose row
 * stays locked until the commit: the transactions that write the log are thereby numbered in the
 * order they commit, on every instance, which is what lets a feed reader keep a single number as
 * its place. Taken last, the lock is held for the commit alone, and never while waiting for
 * another row, so it adds no circle of waits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChangeLog {

    /** Longest actor kept: a user name, {@code token:<id>} or {@code member:<user name>}. */
    static final int ACTOR_LENGTH = 120;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Logs that {@code record} was created, changed, deleted, borrowed... by whoever this thread works for. */
    public void record(ChangeAction action, Recorded record) {
        em.flush();
        long position = nextPosition();
        Map<String, Object> state = action == ChangeAction.DELETED ? null : record.recordedState();
        var insert = em.createNativeQuery(state == null
                        ? "INSERT INTO changes (position, record_type, record_id, action, record_version, actor, occurred_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)"
                        : "INSERT INTO changes (position, record_type, record_id, action, record_version, actor, occurred_at, "
                                + "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, position)
                .setParameter(2, record.recordType().wireName())
                .setParameter(3, record.getId())
                .setParameter(4, action.wireName())
                .setParameter(5, record.getVersion())
                .setParameter(6, actor())
                .setParameter(7, clock.millis());
        if (state != null) {
            insert.setParameter(8, json(state));
        }
        insert.executeUpdate();
    }

    /**
     * Logs that {@code record} was updated, unless the write changed none of the fields the log
     * keeps: a replacement with the same fields is no change to announce.
     *
     * @param before its {@link Recorded#recordedState()} when the operation read it
     */
    public void recordUpdate(Recorded record, Map<String, Object> before) {
        em.flush();
        if (!record.recordedState().equals(before)) {
            record(ChangeAction.UPDATED, record);
        }
    }

    /** The next position, its row locked until the commit (see the class comment). */
    private long nextPosition() {
        em.createNativeQuery("UPDATE change_counter SET position = position + 1 WHERE id = 1").executeUpdate();
        return ((Number) em.createNativeQuery("SELECT position FROM change_counter WHERE id = 1").getSingleResult()).longValue();
    }

    /** Who acts: a card holder as {@code member:<name>}, so that the feed can withhold it; else the name. */
    static String actor() {
        String actor = Identity.current()
                .map(i -> i.roles().contains(Roles.CARD_HOLDER) && !i.roles().contains(Roles.STAFF)
                        ? "member:" + i.name() : i.name())
                .orElse(Identity.SYSTEM.name());
        return actor.length() > ACTOR_LENGTH ? actor.substring(0, ACTOR_LENGTH) : actor;
    }

    /** The state as a JSON object, its fields in the order given. */
    static String json(Map<String, Object> state) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        state.forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Boolean b) {
                object.add(name, b);
            } else if (value instanceof Integer || value instanceof Long) {
                object.add(name, ((Number) value).longValue());
            } else if (value instanceof BigDecimal d) {
                object.add(name, d);
            } else {
                object.add(name, value.toString()); // strings, LocalDate and Instant as ISO-8601, enums by name
            }
        });
        return object.build().toString();
    }
}
