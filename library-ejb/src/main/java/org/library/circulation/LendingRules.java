package org.library.circulation;

import java.time.LocalDate;
import java.util.Optional;
import org.library.platform.LibraryException;

/**
 * The rules of lending, as decisions on what a command has read: whether a member may borrow a
 * book or renew a loan, and until when. Pure functions of their arguments (no database, no clock,
 * no settings of their own), so that each rule is tested by itself in milliseconds
 * ({@code LendingRulesTest}); {@link CirculationService} reads the facts under its locks, asks here,
 * and announces and throws the refusal.
 */
final class LendingRules {

    /** Why an operation is refused: the reason the log and the metrics count, and what the caller is told. */
    record Refusal(String reason, LibraryException exception) {

        Refusal(LibraryException exception) {
            this(exception.code(), exception);
        }
    }

    /** What a borrow depends on, read by the command. */
    record Borrower(String memberNumber, boolean active, boolean holdsTheBookNow, long overdueLoans, long loansOut) {
    }

    private LendingRules() {
    }

    /**
     * The first rule a borrow breaks, in the order the member is told: an inactive card, the book
     * held already, an overdue loan, the most loans allowed. (Whether a copy is left is decided
     * after the hold queue has had its say.)
     */
    static Optional<Refusal> borrowing(Borrower borrower, String title, int maxLoans) {
        if (!borrower.active()) {
            return Optional.of(new Refusal(new MemberInactiveException(borrower.memberNumber())));
        }
        if (borrower.holdsTheBookNow()) {
            return Optional.of(new Refusal(new AlreadyHoldsBookException(borrower.memberNumber(), title)));
        }
        if (borrower.overdueLoans() > 0) {
            return Optional.of(new Refusal(new MemberHasOverdueLoansException(borrower.memberNumber(), borrower.overdueLoans())));
        }
        if (borrower.loansOut() >= maxLoans) {
            return Optional.of(new Refusal(new LoanLimitReachedException(borrower.memberNumber(), maxLoans)));
        }
        return Optional.empty();
    }

    /** A new loan is due one loan period after the day it is made. */
    static LocalDate dueOn(LocalDate borrowedOn, int loanPeriodDays) {
        return borrowedOn.plusDays(loanPeriodDays);
    }

    /**
     * The first rule a renewal breaks: renewed the most times allowed already, overdue for longer
     * than the grace period, or another member waiting for the book.
     */
    static Optional<Refusal> renewing(int renewals, LocalDate dueOn, LocalDate today, long othersWaiting, String title,
            int maxRenewals, int graceDays) {
        if (renewals >= maxRenewals) {
            return Optional.of(new Refusal("renewal-limit-reached", new RenewalRefusedException("it was renewed " + renewals
                    + (renewals == 1 ? " time" : " times") + " already, the most allowed.")));
        }
        if (today.isAfter(dueOn.plusDays(graceDays))) {
            return Optional.of(new Refusal("renewal-grace-passed", new RenewalRefusedException(
                    "it was due on " + dueOn + ", more than " + graceDays + " days ago; please return it.")));
        }
        if (othersWaiting > 0) {
            return Optional.of(new Refusal("reserved-by-another-member",
                    new RenewalRefusedException("another member has reserved \"" + title + "\".")));
        }
        return Optional.empty();
    }

    /**
     * A renewed loan is due one loan period after its due date, or after today when that has
     * passed (within the grace period): a late renewal does not buy fewer days.
     */
    static LocalDate renewedDueOn(LocalDate dueOn, LocalDate today, int loanPeriodDays) {
        return (dueOn.isAfter(today) ? dueOn : today).plusDays(loanPeriodDays);
    }
}
