package org.library.platform;

/**
 * The caller is known but may not do this (HTTP 403): a member asking for another member's
 * records, or for a staff action.
 */
public class AccessDeniedException extends LibraryException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
