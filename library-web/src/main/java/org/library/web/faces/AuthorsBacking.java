package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.library.catalog.Author;
import org.library.catalog.CatalogService;
import org.library.platform.SortOrder;

/**
 * The authors ({@code authors.xhtml?q=bront&sort=-birthYear&page=2}), a page at a time, each with
 * their number of books; paged and sorted by links, as the catalogue is ({@link CatalogueBacking}).
 */
@Named
@RequestScoped
public class AuthorsBacking {

    static final SortOrder DEFAULT_SORT = SortOrder.asc("name");

    @Inject
    private CatalogService catalog;

    private String q;
    private String sort;
    private String page;
    private String size;

    private ListPage<Author> authors;
    private Map<Long, Long> bookCounts = Map.of();

    /** f:viewAction: reads the page the URL asks for, and says what of it could not be shown. */
    public void load() {
        ListQuery query = ListQuery.parse(page, size, sort, CatalogService.AUTHOR_SORTS.keySet(), DEFAULT_SORT);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        authors = ListPage.load("authors.xhtml", filters, query, DEFAULT_SORT,
                (request, order) -> catalog.authors(q, request, order));
        bookCounts = catalog.bookCounts(authors.getItems());
        authors.getCorrections().forEach(Messages::warn);
    }

    public long bookCount(Author author) {
        return bookCounts.getOrDefault(author.getId(), 0L);
    }

    public ListPage<Author> getAuthors() {
        if (authors == null) {
            load(); // rendered after a post (the header's log-out form), which skips the view action
        }
        return authors;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
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
