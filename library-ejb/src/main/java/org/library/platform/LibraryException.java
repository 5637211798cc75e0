package org.library.platform;

import jakarta.ejb.ApplicationException;

/**
 * Root of every business failure. Unchecked, and an application exception that rolls the
 * transaction back, so that a refused operation leaves the database exactly as it was and reaches
 * the caller as itself (not wrapped in an {@code EJBException}).
 *
 * <p>{@link #code()} is a stable, machine-readable name of the failure; the web module turns it
 * into the {@code type} of an RFC 9457 problem and into a Faces message, in one place each.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class LibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LibraryException(String message) {
        super(message);
    }

    /** A stable kebab-case identifier of this kind of failure, e.g. {@code no-copy-available}. */
    public abstract String code();

    /**
     * The input the failure is about, where it is one field's (a taken e-mail address): a page
     * shows the message beside the field of that id; empty for a failure of the whole request.
     */
    public java.util.Optional<String> field() {
        return java.util.Optional.empty();
    }
}
