package org.library.platform;

/**
 * The caller changed a record based on a version that is no longer current: someone else changed
 * it in between. Nothing is written; the caller re-reads and decides again (HTTP 412).
 */
public class StaleVersionException extends LibraryException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String kind, Object id) {
        super("The " + kind + " " + id + " was changed by someone else in the meantime; "
                + "reload it and apply your change again.");
    }

    @Override
    public String code() {
        return "stale-version";
    }

    /**
     * @param expected the version the caller based its change on, or {@code null} to skip the check
     */
    public static void check(String kind, Object id, long current, Long expected) {
        if (expected != null && expected != current) {
            throw new StaleVersionException(kind, id);
        }
    }
}
