package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationPolicy;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberService;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;

/**
 * The circulation desk: a member's card number and a book's ISBN, typed or scanned, then Borrow,
 * Return, Renew or Place hold in one step. The card and the ISBN are looked up first: an unknown
 * one is refused beside its field; a refusal of the operation itself (no copy left, already holds,
 * renewed too often, a copy is on the shelf, ...) at the top of the page. Both are shown by
 * {@link LibraryExceptionHandler}, with what was typed kept.
 */
@Named
@ViewScoped
public class DeskBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CirculationService circulation;

    @Inject
    private MemberService members;

    @Inject
    private CatalogService catalog;

    @Inject
    private CirculationPolicy policy;

    @Inject
    private Dates dates;

    private String memberNumber;
    private String isbn;

    public String borrow() {
        Target target = target();
        Loan loan = circulation.borrow(target.member().getId(), target.book().getId());
        Messages.flash(who(target.member()) + " borrowed “" + target.book().getTitle() + "”. Due back on "
                + dates.longDay(loan.getDueOn()) + ".");
        return Messages.redirect("desk");
    }

    public String giveBack() {
        Target target = target();
        circulation.giveBack(target.member().getId(), target.book().getId());
        Messages.flash(who(target.member()) + " returned “" + target.book().getTitle() + "”.");
        return Messages.redirect("desk");
    }

    public String renew() {
        Target target = target();
        Loan loan = circulation.renew(target.member().getId(), target.book().getId());
        Messages.flash(who(target.member()) + " renewed “" + target.book().getTitle() + "”. Due back on "
                + dates.longDay(loan.getDueOn()) + " (renewal " + loan.getRenewals() + " of " + policy.maxRenewals() + ").");
        return Messages.redirect("desk");
    }

    public String placeHold() {
        Target target = target();
        Hold hold = circulation.placeHold(target.member().getId(), target.book().getId());
        List<Hold> queue = circulation.queue(target.book().getId());
        int position = queue.stream().map(Hold::getId).toList().indexOf(hold.getId()) + 1;
        Messages.flash(who(target.member()) + " placed a hold on “" + target.book().getTitle() + "”"
                + (position > 0 ? ": number " + position + " in the queue." : "."));
        return Messages.redirect("desk");
    }

    /** What the rules are, for the note below the form. */
    public CirculationPolicy getPolicy() {
        return policy;
    }

    private record Target(Member member, Book book) {
    }

    /**
     * The member and the book typed in; an unknown card or ISBN is refused beside its field (the
     * field names are the inputs' ids), both at once when both are wrong.
     */
    private Target target() {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Member> member = members.findByNumber(memberNumber);
        if (member.isEmpty()) {
            violations.add(new FieldViolation("memberNumber", "no member has the card number "
                    + (memberNumber == null ? "" : memberNumber.strip().toUpperCase(Locale.ROOT))));
        }
        Optional<String> normal = Isbn.normalise(isbn);
        Optional<Book> book = normal.flatMap(catalog::findByIsbn);
        if (normal.isEmpty()) {
            violations.add(new FieldViolation("isbn", "must be a valid ISBN-10 or ISBN-13 (check digit included)"));
        } else if (book.isEmpty()) {
            violations.add(new FieldViolation("isbn", "no book in the catalogue has the ISBN " + normal.get()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Target(member.orElseThrow(), book.orElseThrow());
    }

    private static String who(Member member) {
        return member.getName() + " (" + member.getMemberNumber() + ")";
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
