package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.library.catalog.Book;
import org.library.catalog.CatalogService;
import org.library.members.Member;

/** One book ({@code book.xhtml?id=3}): its author, copies, who holds it now; delete. */
@Named
@ViewScoped
public class BookBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    private Long id;
    private Book book;
    private List<Member> borrowers;

    /** f:viewAction: an unknown id ends on the not-found page (RecordNotFoundException). */
    public void load() {
        book = catalog.book(id);
        borrowers = catalog.borrowers(id);
    }

    public String delete() {
        catalog.deleteBook(id, book.getVersion());
        Messages.flash("“" + book.getTitle() + "” was removed from the catalogue.");
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
}
