package org.library.platform.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * What the database holds about an idempotency key of the caller: the request that claimed it,
 * how far it got, and its answer once there is one.
 *
 * @param requestHash the first request's fingerprint ({@link RequestFingerprint}), once its body was read
 * @param answer      its answer, once {@link State#DONE}
 */
public record KeyedRequest(String method, String path, State state, String requestHash, Instant createdAt,
                           StoredAnswer answer) {

    public enum State {
        /** Claimed by a request that has not answered yet, or whose instance stopped before it could record the answer. */
        IN_PROGRESS,
        /** Answered; the answer is kept. */
        DONE,
        /**
         * Answered, with an answer not kept: too large ({@link StoredAnswer#MAX_BODY_BYTES}), or
         * marked {@code Cache-Control: no-store} (a secret shown once).
         */
        DONE_UNKEPT
    }

    /** Whether a request to this method and path may be a retry of the one that claimed the key. */
    public boolean sameTarget(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }

    /**
     * Whether a request still in progress has run longer than any request runs
     * ({@link IdempotencyKeys#LEASE}): its instance most likely stopped before it could record the
     * answer, and whether it took effect is unknown.
     */
    public boolean leaseExpired(Instant now) {
        return state == State.IN_PROGRESS && Duration.between(createdAt, now).compareTo(IdempotencyKeys.LEASE) > 0;
    }
}
