package org.library.changes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record the change log follows: what it is, and what of it the log keeps. Implemented by the
 * entities themselves, which know their fields; the log reads it after the change is flushed, so
 * that the version is the one the database now holds.
 */
public interface Recorded {

    RecordType recordType();

    /** Its id; null until it is persisted and flushed. */
    Long getId();

    long getVersion();

    /**
     * Its fields as the log keeps them, by name, in a stable order: strings, numbers, booleans,
     * dates and instants (written as ISO-8601), or null; a relation by the other record's id.
     * Never a password hash or a token's secret.
     */
    Map<String, Object> recordedState();

    /** A state from field names and values, in the order given: {@code state("name", name, "year", year)}. */
    static Map<String, Object> state(Object... namesAndValues) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            state.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return state;
    }
}
