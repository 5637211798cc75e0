package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.catalog.Book;
import org.library.catalog.BookFilter;
import org.library.catalog.CatalogService;
import org.library.platform.SortOrder;

/**
 * The catalogue: books found by title, author or ISBN ({@code catalogue.xhtml?q=austen}), a page
 * at a time from the service, sortable by the service's sort names.
 */
@Named
@ViewScoped
public class CatalogueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    private String q;
    private boolean available;

    private final ServicePageModel<Book> books = new ServicePageModel<>(
            (request, sort) -> catalog.books(new BookFilter(q, null, available), request, sort),
            SortOrder.asc("title"), Book::getId);

    public ServicePageModel<Book> getBooks() {
        return books;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }
}
