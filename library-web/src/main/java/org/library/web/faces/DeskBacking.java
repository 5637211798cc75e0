package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.library.catalog.Book;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationPolicy;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberNumber;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RetriedOnLockConflict;

/**
 * The circulation desk: a member's card number and a book's ISBN, typed or scanned, then Borrow,
 * Return, Renew or Place hold in one step, through the service's desk commands. A card or an ISBN
 * that is not one is refused by its converter, and one that names nobody by the service, beside
 * its field; a refusal of the operation itself (no copy left, already holds, renewed too often, a
 * copy is on the shelf, ...) at the top of the page. Both are shown by
 * {@link LibraryExceptionHandler}, with what was typed kept. A lock conflict is retried, as the
 * API's borrow is ({@link RetriedOnLockConflict}).
 */
@Named
@ViewScoped
public class DeskBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CirculationService circulation;

    @Inject
    private CirculationQueries queries;

    @Inject
    private CirculationPolicy policy;

    @Inject
    private Dates dates;

    @Inject
    private CatalogService catalog;

    private MemberNumber memberNumber;
    private Isbn isbn;

    /** The book of the last operation (the page's id parameter after it), shown with its copies, live. */
    private Long bookId;
    private transient Book book;

    @RetriedOnLockConflict
    public String borrow() {
        Loan loan = circulation.borrow(memberNumber, isbn);
        Messages.flash(who(loan.getMember()) + " borrowed “" + loan.getBook().getTitle() + "”. Due back on "
                + dates.longDay(loan.getDueOn()) + ".");
        return Messages.redirect("desk", loan.getBook().getId());
    }

    @RetriedOnLockConflict
    public String giveBack() {
        Loan loan = circulation.giveBack(memberNumber, isbn);
        Messages.flash(who(loan.getMember()) + " returned “" + loan.getBook().getTitle() + "”.");
        return Messages.redirect("desk", loan.getBook().getId());
    }

    @RetriedOnLockConflict
    public String renew() {
        Loan loan = circulation.renew(memberNumber, isbn);
        Messages.flash(who(loan.getMember()) + " renewed “" + loan.getBook().getTitle() + "”. Due back on "
                + dates.longDay(loan.getDueOn()) + " (renewal " + loan.getRenewals() + " of " + policy.maxRenewals() + ").");
        return Messages.redirect("desk", loan.getBook().getId());
    }

    @RetriedOnLockConflict
    public String placeHold() {
        Hold hold = circulation.placeHold(memberNumber, isbn);
        List<Hold> queue = queries.queue(hold.getBook().getId());
        int position = queue.stream().map(Hold::getId).toList().indexOf(hold.getId()) + 1;
        Messages.flash(who(hold.getMember()) + " placed a hold on “" + hold.getBook().getTitle() + "”"
                + (position > 0 ? ": number " + position + " in the queue." : "."));
        return Messages.redirect("desk", hold.getBook().getId());
    }

    /** What the rules are, for the note below the form. */
    public CirculationPolicy getPolicy() {
        return policy;
    }

    private static String who(Member member) {
        return member.getName() + " (" + member.getMemberNumber() + ")";
    }

    /** The book the desk just lent, took back or reserved, as it stands now; null when none, or gone. */
    public Book getBook() {
        if (book == null && bookId != null) {
            try {
                book = catalog.book(bookId);
            } catch (RecordNotFoundException deletedMeanwhile) {
                bookId = null;
            }
        }
        return book;
    }

    public Long getBookId() {
        return bookId;
    }

    public void setBookId(Long bookId) {
        this.bookId = bookId;
    }

    public MemberNumber getMemberNumber() {
        return memberNumber;
    }

    public void setMemberNumber(MemberNumber memberNumber) {
        this.memberNumber = memberNumber;
    }

    public Isbn getIsbn() {
        return isbn;
    }

    public void setIsbn(Isbn isbn) {
        this.isbn = isbn;
    }
}
