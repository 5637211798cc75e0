package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.library.circulation.CirculationService;
import org.library.circulation.Loan;

/**
 * The circulation desk: a member's card number and a book's ISBN, typed or scanned, then Borrow
 * or Return in one step. A refusal (no copy left, already holds, unknown card, ...) is shown by
 * {@link LibraryExceptionHandler} with what was typed kept.
 */
@Named
@ViewScoped
public class DeskBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    private CirculationService circulation;

    private String memberNumber;
    private String isbn;

    public String borrow() {
        Loan loan = circulation.borrow(memberNumber, isbn);
        Messages.flash(loan.getMember().getName() + " (" + loan.getMember().getMemberNumber() + ") borrowed “"
                + loan.getBook().getTitle() + "”. Due back on " + DAY.format(loan.getDueOn()) + ".");
        return Messages.redirect("desk");
    }

    public String giveBack() {
        Loan loan = circulation.giveBack(memberNumber, isbn);
        Messages.flash(loan.getMember().getName() + " (" + loan.getMember().getMemberNumber() + ") returned “"
                + loan.getBook().getTitle() + "”.");
        return Messages.redirect("desk");
    }

    public String getMemberNumber() {
        return memberNumber;
    }

    public void setMemberNumber(String memberNumber) {
        this.memberNumber = memberNumber;
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }
}
