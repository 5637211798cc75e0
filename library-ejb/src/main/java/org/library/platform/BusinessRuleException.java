package org.library.platform;

/**
 * A request that is well-formed but conflicts with the library's rules or with the current state
 * of the data (HTTP 409): a duplicate ISBN, an author who still has books, no copy left, ...
 */
public abstract class BusinessRuleException extends LibraryException {

    private static final long serialVersionUID = 1L;

    protected BusinessRuleException(String message) {
        super(message);
    }
}
