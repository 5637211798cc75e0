package org.library.platform;

/**
 * The client made its write conditional on the record's existence ({@code If-Match}) or absence
 * ({@code If-None-Match: *}), and the condition does not hold: nothing is written (HTTP 412).
 */
public class PreconditionFailedException extends LibraryException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "precondition-failed";
    }
}
