package org.library.circulation;

/**
 * Something circulation did: fired by {@link CirculationService} inside the transaction that did
 * it, and seen by observers once that transaction has committed ({@link CirculationLog} logs it,
 * {@code org.library.operations.CirculationMetrics} counts it), so that a rolled-back operation is
 * neither logged nor counted. Ids only: no names, emails or titles reach a log or a metric.
 *
 * @param recordId the loan's id for the LOAN_ kinds, the hold's for the HOLD_ kinds
 */
public record CirculationEvent(Kind kind, long memberId, long bookId, long recordId) {

    public enum Kind {
        LOAN_MADE("loan made", "loan"),
        LOAN_RETURNED("loan returned", "loan"),
        LOAN_RENEWED("loan renewed", "loan"),
        HOLD_PLACED("hold placed", "hold"),
        /** a copy was set aside for the hold until its pickup day */
        HOLD_READY("hold ready", "hold"),
        HOLD_CANCELLED("hold cancelled", "hold"),
        HOLD_EXPIRED("hold expired", "hold");

        private final String description;
        private final String record;

        Kind(String description, String record) {
            this.description = description;
            this.record = record;
        }
    }

    /** E.g. {@code loan made loan=77 member=12 book=34}: one line an operator can grep. */
    public String toLogLine() {
        return kind.description + " " + kind.record + "=" + recordId + " member=" + memberId + " book=" + bookId;
    }
}
