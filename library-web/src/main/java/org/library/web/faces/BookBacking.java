package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.library.catalog.Book;
import org.library.catalog.CatalogService;
import org.library.circulation.CirculationQueries;
import org.library.circulation.Hold;
import org.library.members.Member;
import org.library.web.security.CurrentCaller;

/**
 * One book ({@code book.xhtml?id=3}): its author, copies (on the shelf, out, set aside for holds),
 * for everyone; for staff also who holds it now and who waits for it (the hold queue), which are
 * other members' business, and delete. Request-scoped, so that an anonymous visit keeps nothing on
 * the server; the delete button posts the id and version it showed ({@link ShownRecord}).
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

    private Long id;
    private Book book;
    private List<Member> borrowers;
    private List<Hold> queue;

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
