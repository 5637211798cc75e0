package org.library.accounts;

import java.time.Duration;

/**
 * How a login went: the caller, refused (wrong name or password, or a locked account: the answer
 * does not say which), throttled (this client must wait: too many failures), or busy (too many
 * password checks at once; nothing was counted, try again shortly).
 *
 * @param caller     who logged in, when {@link Outcome#AUTHENTICATED}
 * @param retryAfter how long to wait, when throttled or busy
 */
public record LoginResult(Outcome outcome, Caller caller, Duration retryAfter) {

    public enum Outcome { AUTHENTICATED, REFUSED, THROTTLED, BUSY }

    static final LoginResult REFUSED = new LoginResult(Outcome.REFUSED, null, null);

    static LoginResult authenticated(Caller caller) {
        return new LoginResult(Outcome.AUTHENTICATED, caller, null);
    }

    static LoginResult throttled(Duration retryAfter) {
        return new LoginResult(Outcome.THROTTLED, null, retryAfter);
    }

    static LoginResult busy(Duration retryAfter) {
        return new LoginResult(Outcome.BUSY, null, retryAfter);
    }

    public boolean authenticated() {
        return outcome == Outcome.AUTHENTICATED;
    }

    /** Whole seconds to wait, at least one: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
