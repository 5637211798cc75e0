package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.library.catalog.Author;
import org.library.catalog.CatalogService;
import org.library.web.security.CurrentCaller;

/**
 * One author ({@code author.xhtml?id=7}) with their books, for everyone; delete (refused while they
 * have books) for staff only. Request-scoped, so that an anonymous visit keeps nothing on the
 * server; the delete button posts the id and version it showed ({@link ShownRecord}).
 */
@Named
@RequestScoped
public class AuthorBacking {

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
        ShownRecord shown = ShownRecord.posted();
        String name = catalog.author(shown.id()).getName();
        catalog.deleteAuthor(shown.id(), shown.version());
        Messages.flash(name + " was removed.");
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
