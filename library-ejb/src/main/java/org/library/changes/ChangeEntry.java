package org.library.changes;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the change log as a reader may see it.
 *
 * @param position where it stands in commit order
 * @param actor    who made the change; {@code member} alone when a card holder did and the reader
 *                 may not read members
 * @param state    the record's fields after the change; null when it was deleted, or when the reader
 *                 lacks the scope to read such records' fields ({@code withheld})
 * @param withheld whether {@code state} was withheld from this reader as personal data
 */
public record ChangeEntry(long position, RecordType type, long recordId, ChangeAction action, long version,
                          String actor, Instant occurredAt, Map<String, Object> state, boolean withheld) {

    /** The event's name, e.g. {@code loan.borrowed}. */
    public String event() {
        return type.wireName() + "." + action.wireName();
    }
}
