package org.library.accounts;

import java.time.Duration;
import org.library.platform.LibraryException;

/**
 * A password check refused before it was made: this client failed too often (it is blocked from
 * the user name or its address must wait) or too many checks run at once. HTTP 429 with
 * {@code Retry-After}.
 */
public class TooManyAttemptsException extends LibraryException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed logins from your address, or too many at once; try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "too-many-attempts";
    }
}
