package org.library.platform.idempotency;

import org.library.platform.BusinessRuleException;

/**
 * A retry whose first request's answer cannot be given (HTTP 409). Never run a second time:
 * the first request may have taken effect.
 */
public class IdempotencyConflictException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The first request is still running after a retry waited {@link IdempotencyKeys#WAIT} for it. */
        IN_PROGRESS("idempotency-key-in-progress"),
        /** The first request has run longer than {@link IdempotencyKeys#LEASE} without recording its answer. */
        OUTCOME_UNKNOWN("idempotency-outcome-unknown"),
        /** The first request was answered, but its answer was not kept: too large, or marked {@code no-store} (a secret shown once). */
        ANSWER_NOT_KEPT("idempotency-answer-not-kept");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private final Kind kind;

    public IdempotencyConflictException(Kind kind, IdempotencyKey key) {
        super(switch (kind) {
            case IN_PROGRESS -> "A request with the Idempotency-Key " + key + " is in progress; send this one again "
                    + "once it has answered, to get its answer.";
            case OUTCOME_UNKNOWN -> "The first request with the Idempotency-Key " + key + " started more than "
                    + IdempotencyKeys.LEASE.toMinutes() + " minutes ago and has not recorded an answer: it may still be "
                    + "running, or the server that ran it stopped. Whether it took effect is unknown: read the records "
                    + "before sending it again with a new key.";
            case ANSWER_NOT_KEPT -> "The first request with the Idempotency-Key " + key + " was answered, but its "
                    + "answer was not kept (too large, or a secret shown only once): read the records it changed instead.";
        });
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String code() {
        return kind.code;
    }
}
