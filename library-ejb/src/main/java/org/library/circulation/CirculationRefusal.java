package org.library.circulation;

/**
 * An operation circulation refused by one of its rules, fired by {@link CirculationService} where
 * it decides so, just before the {@code LibraryException} that tells the caller. The transaction
 * rolls back, so observers see it at once rather than after a commit. Ids only.
 *
 * @param reason a stable name of the rule, e.g. {@code loan-limit-reached}: the exception's
 *               {@code code()} (the API's problem type), or a finer one where a code covers several
 *               rules (a renewal refused for the limit, the grace period or another member's hold)
 */
public record CirculationRefusal(Operation operation, long memberId, long bookId, String reason) {

    public enum Operation {
        BORROW("loan"),
        RETURN("return"),
        RENEW("renewal"),
        PLACE_HOLD("hold"),
        CANCEL_HOLD("hold cancellation");

        private final String description;

        Operation(String description) {
            this.description = description;
        }
    }

    /** E.g. {@code loan refused member=12 book=34 reason=loan-limit-reached}. */
    public String toLogLine() {
        return operation.description + " refused member=" + memberId + " book=" + bookId + " reason=" + reason;
    }
}
