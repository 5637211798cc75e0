package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.library.catalog.Author;
import org.library.catalog.CatalogService;
import org.library.platform.Page;
import org.library.platform.SortOrder;

/** The authors ({@code authors.xhtml?q=bront}), a page at a time, each with its number of books. */
@Named
@ViewScoped
public class AuthorsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    private String q;
    private final Map<Long, Long> bookCounts = new HashMap<>();

    private final ServicePageModel<Author> authors = new ServicePageModel<>(this::page, SortOrder.asc("name"), Author::getId);

    private Page<Author> page(org.library.platform.PageRequest request, SortOrder sort) {
        Page<Author> page = catalog.authors(q, request, sort);
        bookCounts.putAll(catalog.bookCounts(page.items()));
        return page;
    }

    public long bookCount(Author author) {
        return bookCounts.getOrDefault(author.getId(), 0L);
    }

    public ServicePageModel<Author> getAuthors() {
        return authors;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
