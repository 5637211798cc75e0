package org.library.changes;

/** One field that a change set: its value before, and after (null where there was or is none). */
public record FieldChange(String field, Object before, Object after) {
}
