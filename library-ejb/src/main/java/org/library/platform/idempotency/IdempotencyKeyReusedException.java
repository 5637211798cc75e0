package org.library.platform.idempotency;

import org.library.platform.LibraryException;

/**
 * A request names an idempotency key its caller used for another request — another endpoint, or
 * the same one with another body. Not a retry, so it is neither run nor answered with the other
 * request's answer (HTTP 422).
 */
public class IdempotencyKeyReusedException extends LibraryException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("The Idempotency-Key " + key + " was used for a different request (another endpoint or another body). "
                + "A retry must repeat the first request exactly; a new request needs a new key.");
    }

    @Override
    public String code() {
        return "idempotency-key-reused";
    }
}
