package org.library.changes;

import org.library.platform.LibraryException;

/**
 * A feed cursor from before the oldest entry still kept: entries after it were pruned, so reading
 * on would miss changes. The client must resynchronise from the lists and start a new cursor (HTTP 410).
 */
public class CursorExpiredException extends LibraryException {

    private static final long serialVersionUID = 1L;

    public CursorExpiredException(int retentionDays) {
        super("This cursor is older than the change log keeps entries (" + retentionDays + " days): changes after it "
                + "were pruned. Resynchronise from the lists, then read the feed again without a cursor.");
    }

    @Override
    public String code() {
        return "cursor-expired";
    }
}
