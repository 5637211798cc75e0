package org.library.changes;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.library.platform.AccessDeniedException;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Reads the change log: the feed for systems that mirror the library, and each record's history
 * for the staff. What a reader sees of an entry is decided here, for every front door: the fields
 * of a record that is personal data ({@link RecordType#readScope()}) only with the scope that reads
 * such records, and a card holder as the actor only with the scope that reads members.
 */
@Stateless
@Guarded
@Allowed({Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.ADMINISTRATION})
public class ChangeFeed {

    /** The most entries one read returns. */
    public static final int MAX_LIMIT = 500;

    public static final int DEFAULT_LIMIT = 100;

    private static final String CURSOR_PREFIX = "changes:";

    private static final String COLUMNS = "position, record_type, record_id, action, record_version, actor, occurred_at, state";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ChangeSettings settings;

    /**
     * The entries after {@code cursor} (from the oldest kept when null), in commit order, at most
     * {@code limit}, of the given types (all when empty).
     *
     * @throws InvalidInputException   when the cursor is not one this feed gave, or the limit is out of range
     * @throws CursorExpiredException  when entries after the cursor were pruned
     */
    public ChangeBatch read(String cursor, int limit, Set<RecordType> types) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(List.of(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        long after = cursor == null ? -1 : position(cursor);
        // the head first: every position up to the committed head is committed (see ChangeLog), so
        // a batch that is not full may move the cursor to the head, past entries the filter skipped
        Object[] counter = (Object[]) em.createNativeQuery("SELECT position, pruned_through FROM change_counter WHERE id = 1")
                .getSingleResult();
        long head = ((Number) counter[0]).longValue();
        long prunedThrough = ((Number) counter[1]).longValue();
        if (after == -1) {
            after = prunedThrough;
        } else if (after < prunedThrough) {
            throw new CursorExpiredException(settings.retentionDays());
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM changes WHERE position > ? AND position <= ?");
        if (!types.isEmpty()) {
            sql.append(types.stream().map(t -> "'" + t.wireName() + "'") // names of the enum, never input
                    .collect(Collectors.joining(", ", " AND record_type IN (", ")")));
        }
        sql.append(" ORDER BY position");
        List<?> rows = em.createNativeQuery(sql.toString())
                .setParameter(1, after).setParameter(2, head).setMaxResults(limit).getResultList();
        List<ChangeEntry> entries = entries(rows, Identity.current().orElseThrow());
        boolean full = entries.size() == limit;
        long next = full ? entries.get(entries.size() - 1).position() : Math.max(after, head);
        return new ChangeBatch(entries, cursor(next), full);
    }

    /**
     * The history of one record, newest first: who changed what, when, from what to what.
     *
     * @throws AccessDeniedException when the caller may not read such records' fields
     */
    public Page<HistoryEntry> history(RecordType type, long id, PageRequest request) {
        Identity reader = Identity.current().orElseThrow();
        if (!mayRead(reader, type)) {
            throw new AccessDeniedException("Reading the history of a " + type.wireName() + " needs the scope "
                    + type.readScope().orElseThrow() + ".");
        }
        // one entry more than the page: the oldest of the page is compared with the one before it
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM changes WHERE record_type = ? AND record_id = ? "
                        + "ORDER BY position DESC")
                .setParameter(1, type.wireName()).setParameter(2, id)
                .setFirstResult(request.offset()).setMaxResults(request.size() + 1).getResultList();
        List<ChangeEntry> entries = entries(rows, reader);
        List<HistoryEntry> page = new ArrayList<>();
        for (int i = 0; i < Math.min(request.size(), entries.size()); i++) {
            ChangeEntry entry = entries.get(i);
            Map<String, Object> before = i + 1 < entries.size() ? entries.get(i + 1).state() : null;
            page.add(new HistoryEntry(entry.position(), entry.event(), entry.action(), entry.version(), entry.actor(),
                    entry.occurredAt(), changes(before, entry.state())));
        }
        boolean more = entries.size() > request.size();
        long known = (long) request.offset() + page.size() + (more ? 1 : 0);
        if (!more || !request.count()) {
            return new Page<>(page, request.page(), request.size(), known, !more);
        }
        // a paginator's total, as PagedQuery counts one: at most COUNT_LIMIT + 1 entries read, on the record's index
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT position FROM changes "
                        + "WHERE record_type = ? AND record_id = ? FETCH FIRST " + (Page.COUNT_LIMIT + 1) + " ROWS ONLY) t")
                .setParameter(1, type.wireName()).setParameter(2, id).getSingleResult()).longValue();
        return total <= Page.COUNT_LIMIT ? new Page<>(page, request.page(), request.size(), total, true)
                : new Page<>(page, request.page(), request.size(), Math.max(total, known), false);
    }

    /**
     * Removes the entries older than the retention, and notes the highest position removed, so
     * that a cursor before it is answered 410 rather than silently skipping what it missed. Every
     * instance runs it ({@link ChangePruning}); a second run in the same hour finds nothing to do.
     */
    @Allowed(Roles.STAFF)
    public int prune() {
        long cutoff = clock.millis() - Duration.ofDays(settings.retentionDays()).toMillis();
        Number last = (Number) em.createNativeQuery("SELECT MAX(position) FROM changes WHERE occurred_at < ?")
                .setParameter(1, cutoff).getSingleResult();
        if (last == null) {
            return 0;
        }
        // positions are in commit order, and so, up to clock skew between instances, in time order:
        // everything up to the newest expired entry goes, so that the feed never has a hole
        em.createNativeQuery("UPDATE change_counter SET pruned_through = ? WHERE id = 1 AND pruned_through < ?")
                .setParameter(1, last.longValue()).setParameter(2, last.longValue()).executeUpdate();
        return em.createNativeQuery("DELETE FROM changes WHERE position <= ?").setParameter(1, last.longValue()).executeUpdate();
    }

    private static boolean mayRead(Identity reader, RecordType type) {
        return type.readScope().map(reader::hasAnyRole).orElse(true);
    }

    private static List<ChangeEntry> entries(List<?> rows, Identity reader) {
        List<ChangeEntry> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            entries.add(entry((Object[]) row, reader));
        }
        return entries;
    }

    private static ChangeEntry entry(Object[] row, Identity reader) {
        RecordType type = RecordType.byWireName((String) row[1]).orElseThrow();
        ChangeAction action = ChangeAction.byWireName((String) row[3]).orElseThrow();
        boolean readable = mayRead(reader, type);
        String actor = (String) row[5];
        if (actor.startsWith("member:") && !reader.hasAnyRole(Roles.MEMBERS_WRITE)) {
            actor = "member";
        }
        Map<String, Object> state = readable && row[7] != null ? state(row[7].toString()) : null;
        return new ChangeEntry(((Number) row[0]).longValue(), type, ((Number) row[2]).longValue(), action,
                ((Number) row[4]).longValue(), actor, Instant.ofEpochMilli(((Number) row[6]).longValue()), state,
                !readable && row[7] != null);
    }

    /** The fields that differ between two states, in the order of the newer; all of it when there is no older. */
    static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> old = before == null ? Map.of() : before;
        Map<String, Object> now = after == null ? Map.of() : after;
        Set<String> fields = new LinkedHashSet<>(now.keySet());
        fields.addAll(old.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object was = old.get(field);
            Object is = now.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    static Map<String, Object> state(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, Object> state = new LinkedHashMap<>();
            object.forEach((name, value) -> state.put(name, plain(value)));
            return state;
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The cursor of the feed just after this entry: a reader that stops there reads on from the next. */
    public static String cursorAfter(ChangeEntry entry) {
        return cursor(entry.position());
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidInputException when the text is not a cursor of this feed */
    static long position(String cursor) {
        try {
            if (cursor.length() <= 40) {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (text.startsWith(CURSOR_PREFIX)) {
                    long position = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                    if (position >= 0) {
                        return position;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, or no number after the prefix: refused below
        }
        throw new InvalidInputException(List.of(new FieldViolation("after",
                "is not a cursor of this feed; use the 'next' of an earlier answer, or leave it out to start from the oldest entry")));
    }
}
