package org.library.circulation;

import java.io.Serializable;
import java.time.LocalDate;
import org.library.catalog.Book;
import org.library.platform.LibraryException;

/**
 * One loan's answer to {@link CirculationService#renewAll}: renewed (the loan, with its new due
 * date), or not and why not.
 *
 * @param refusal the refusal's stable code, e.g. {@code reserved-by-another-member} (null when renewed)
 * @param reason  what the member is told, e.g. {@code another member has reserved "Emma".} (null when renewed)
 */
public record Renewal(Book book, Loan loan, String refusal, String reason) implements Serializable {

    static Renewal of(Loan loan) {
        return new Renewal(loan.getBook(), loan, null, null);
    }

    static Renewal refused(Book book, String code, LibraryException refusal) {
        return new Renewal(book, null, code,
                refusal instanceof RenewalRefusedException why ? why.reason() : refusal.getMessage());
    }

    public boolean renewed() {
        return loan != null;
    }

    /** The new due date of a renewed loan; null when refused. */
    public LocalDate dueOn() {
        return loan == null ? null : loan.getDueOn();
    }
}
