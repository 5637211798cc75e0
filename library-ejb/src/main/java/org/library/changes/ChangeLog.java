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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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

    private static final String NEXT = "UPDATE change_counter SET position = position + ? WHERE id = 1";
    private static final String HEAD = "SELECT position FROM change_counter WHERE id = 1";
    private static final String INSERT = "INSERT INTO changes (position, record_type, record_id, action, record_version, "
            + "actor, occurred_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DELETED = "INSERT INTO changes (position, record_type, record_id, action, "
            + "record_version, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** A change made with plain JDBC (the imports), to log on the same connection, in its transaction. */
    public record Logged(RecordType type, long id, ChangeAction action, long version, Map<String, Object> state) {
    }

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
        var insert = em.createNativeQuery(state == null ? INSERT_DELETED : INSERT)
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

    /** Logs the same action of several records, in the order given. */
    public void recordAll(ChangeAction action, Collection<? extends Recorded> records) {
        records.forEach(record -> record(action, record));
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
        em.createNativeQuery(NEXT).setParameter(1, 1).executeUpdate();
        return head(em);
    }

    /** The log's committed head (or, in a transaction that logged, its own last position): where a new reader starts. */
    public static long head(EntityManager em) {
        return ((Number) em.createNativeQuery(HEAD).getSingleResult()).longValue();
    }

    /**
     * Logs changes written on {@code connection} (a JTA connection in the writer's transaction), in
     * the order given, by whoever this thread works for, as {@link #record} does for the services.
     */
    public static void append(Connection connection, List<Logged> changes, long now) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement next = connection.prepareStatement(NEXT)) {
            next.setInt(1, changes.size());
            next.executeUpdate();
        }
        long position;
        try (PreparedStatement head = connection.prepareStatement(HEAD); ResultSet rs = head.executeQuery()) {
            rs.next();
            position = rs.getLong(1) - changes.size();
        }
        String actor = actor();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Logged change : changes) {
                insert.setLong(1, ++position);
                insert.setString(2, change.type().wireName());
                insert.setLong(3, change.id());
                insert.setString(4, change.action().wireName());
                insert.setLong(5, change.version());
                insert.setString(6, actor);
                insert.setLong(7, now);
                insert.setString(8, json(change.state()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
