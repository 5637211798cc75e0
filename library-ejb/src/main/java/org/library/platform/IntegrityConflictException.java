package org.library.platform;

/**
 * The database refused a write for an integrity rule that no more specific check caught first —
 * for instance a row that a concurrent transaction removed. Nothing was written (HTTP 409).
 */
public class IntegrityConflictException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public IntegrityConflictException(String kind, Object id) {
        super("The change to " + kind + " " + id + " conflicts with data changed at the same time; "
                + "reload and try again.");
    }

    @Override
    public String code() {
        return "integrity-conflict";
    }
}
