package org.library.changes;

import java.time.Instant;
import java.util.List;

/**
 * One change in a record's history: who did what, when, and which fields it changed from what to
 * what (compared with the record's entry before it; all fields for the first one kept).
 */
public record HistoryEntry(long position, String event, ChangeAction action, long version, String actor,
                           Instant occurredAt, List<FieldChange> changes) {

    public HistoryEntry {
        changes = List.copyOf(changes);
    }
}
