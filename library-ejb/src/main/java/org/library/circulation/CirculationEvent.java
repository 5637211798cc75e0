package org.library.circulation;

import org.library.changes.ChangeAction;

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
        LOAN_MADE("loan made", "loan", ChangeAction.BORROWED),
        LOAN_RETURNED("loan returned", "loan", ChangeAction.RETURNED),
        LOAN_RENEWED("loan renewed", "loan", ChangeAction.RENEWED),
        HOLD_PLACED("hold placed", "hold", ChangeAction.PLACED),
        /** a copy was set aside for the hold until its pickup day */
        HOLD_READY("hold ready", "hold", ChangeAction.READY),
        HOLD_CANCELLED("hold cancelled", "hold", ChangeAction.CANCELLED),
        HOLD_EXPIRED("hold expired", "hold", ChangeAction.EXPIRED);

        private final String description;
        private final String record;
        private final ChangeAction action;

        Kind(String description, String record, ChangeAction action) {
            this.description = description;
            this.record = record;
            this.action = action;
        }

        /** What the change log calls it. */
        ChangeAction action() {
            return action;
        }
    }

    /** E.g. {@code loan made loan=77 member=12 book=34}: one line an operator can grep. */
    public String toLogLine() {
        return kind.description + " " + kind.record + "=" + recordId + " member=" + memberId + " book=" + bookId;
    }
}
