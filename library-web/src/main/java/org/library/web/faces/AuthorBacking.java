package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.catalog.Author;
import org.library.catalog.CatalogService;
import org.library.web.security.CurrentCaller;

/**
 * One author ({@code author.xhtml?id=7}) with their books, for everyone; delete (refused while they
 * have books) for staff only.
 */
@Named
@ViewScoped
public class AuthorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    @Inject
    private CurrentCaller caller;

    private Long id;
    private Author author;

    public void load() {
        author = catalog.authorWithBooks(id);
    }

    public String delete() {
        caller.requireStaff();
        catalog.deleteAuthor(id, author.getVersion());
        Messages.flash(author.getName() + " was removed.");
        return Messages.redirect("authors");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Author getAuthor() {
        return author;
    }
}
