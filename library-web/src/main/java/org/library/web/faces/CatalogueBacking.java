package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.library.catalog.BookFilter;
import org.library.catalog.CatalogService;
import org.library.catalog.CatalogueEntry;
import org.library.platform.SortOrder;

/**
 * The catalogue: books found by title, author or ISBN, a page at a time from the service, sorted
 * by the service's sort names, all of it in the URL
 * ({@code catalogue.xhtml?q=austen&available=true&sort=-year&page=2&size=50}). Request-scoped:
 * every page and order is a GET of its own, so an anonymous visitor's browsing keeps nothing on
 * the server (see {@link StatelessViews}).
 */
@Named
@RequestScoped
public class CatalogueBacking {

    static final SortOrder DEFAULT_SORT = SortOrder.asc("title");

    @Inject
    private CatalogService catalog;

    private String q;
    private boolean available;
    private String sort;
    private String page;
    private String size;

    private ListPage<CatalogueEntry> books;

    /** f:viewAction: reads the page the URL asks for, and says what of it could not be shown. */
    public void load() {
        ListQuery query = ListQuery.parse(page, size, sort, CatalogService.BOOK_SORTS.keySet(), DEFAULT_SORT);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("available", available ? "true" : null);
        BookFilter filter = new BookFilter(q, null, available);
        books = ListPage.load("catalogue.xhtml", filters, query, DEFAULT_SORT,
                (request, order) -> catalog.catalogue(filter, request, order));
        books.getCorrections().forEach(Messages::warn);
    }

    public ListPage<CatalogueEntry> getBooks() {
        if (books == null) {
            load(); // rendered after a post (the header's log-out form), which skips the view action
        }
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

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
