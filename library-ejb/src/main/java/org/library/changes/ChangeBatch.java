package org.library.changes;

import java.util.List;

/**
 * Entries of the feed after a cursor, and the cursor to read on from: it is past every entry
 * returned and every entry skipped by the filter, so a reader that keeps it never sees one twice.
 *
 * @param more whether entries are known to follow (the batch was full); a reader polls again either way
 */
public record ChangeBatch(List<ChangeEntry> entries, String next, boolean more) {

    public ChangeBatch {
        entries = List.copyOf(entries);
    }
}
