package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.library.catalog.Book;
import org.library.catalog.CatalogService;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.members.Member;
import org.library.members.MemberService;
import org.library.platform.RetriedOnLockConflict;
import org.library.web.security.CurrentCaller;

/**
 * One book ({@code book.xhtml?id=3}): its author, copies (on the shelf, out, set aside for holds),
 * for everyone; for staff also who holds it now and who waits for it (the hold queue), which are
 * other members' business, and delete; for a logged-in member their own hold on it (their place in
 * line, or the pickup deadline) and "Place hold" while no copy is on the shelf and they neither hold
 * nor reserved it. Request-scoped, so that an anonymous visit keeps nothing on the server; the
 * buttons post the id and version they showed ({@link ShownRecord}).
 */
@Named
@RequestScoped
public class BookBacking {

    @Inject
    private CatalogService catalog;

    @Inject
    private CirculationQueries queries;

    @Inject
    private CurrentCaller caller;

    @Inject
    private CirculationService circulation;

    @Inject
    private MemberService members;

    private Long id;
    private Book book;
    private List<Member> borrowers;
    private List<Hold> queue;
    /** A logged-in member's own active hold on the book, if any. */
    private Hold myHold;
    /** Whether a logged-in member holds a copy of the book now. */
    private boolean holdingIt;

    /** f:viewAction: an unknown id ends on the not-found page (RecordNotFoundException). */
    public void load() {
        book = catalog.book(id);
        if (caller.isStaff()) {
            borrowers = catalog.borrowers(id);
            queue = queries.queue(id);
        } else {
            borrowers = List.of();
            queue = List.of();
        }
        Long memberId = caller.getMemberId();
        if (memberId != null) {
            myHold = queries.holds(memberId).stream()
                    .filter(hold -> hold.getStatus().isActive() && hold.getBook().getId().equals(id))
                    .findFirst().orElse(null);
            holdingIt = members.borrowedBooks(memberId).stream().anyMatch(held -> held.getId().equals(id));
        }
    }

    /** A member's reservation of this book: joins its queue, and is told their place in line. */
    @RetriedOnLockConflict
    public String placeHold() {
        long memberId = caller.requireOwnMemberId("Only a member's account may place holds on the pages; staff do it at the desk.");
        Hold hold = circulation.placeHold(memberId, ShownRecord.posted().id());
        Messages.flash("You are number " + hold.getQueuePosition() + " in the queue for “" + hold.getBook().getTitle()
                + "”. We will set a copy aside for you when it is your turn.");
        return Messages.redirect("book", hold.getBook().getId());
    }

    /** "Place hold" is offered: to a member, while no copy is on the shelf and they neither hold nor reserved the book. */
    public boolean isHoldOffered() {
        return caller.getMemberId() != null && book.getAvailable() < 1 && !holdingIt && myHold == null;
    }

    public Hold getMyHold() {
        return myHold;
    }

    public boolean isHoldingIt() {
        return holdingIt;
    }

    public String delete() {
        caller.requireStaff();
        ShownRecord shown = ShownRecord.posted();
        String title = catalog.book(shown.id()).getTitle();
        catalog.deleteBook(shown.id(), shown.version());
        Messages.flash("“" + title + "” was removed from the catalogue.");
        return Messages.redirect("catalogue");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Book getBook() {
        return book;
    }

    public List<Member> getBorrowers() {
        return borrowers;
    }

    /** The waiting holds, first in line first. */
    public List<Hold> getQueue() {
        return queue;
    }
}
