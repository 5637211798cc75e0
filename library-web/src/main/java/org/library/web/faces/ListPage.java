package org.library.web.faces;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

/**
 * One page of a list page ({@code catalogue.xhtml}, {@code authors.xhtml}) rendered on the server,
 * with the links that page and sort it: every page, order and size is a plain, bookmarkable GET
 * URL, so the list needs no script and no state kept between requests. The links keep the list's
 * filters ({@code q}, {@code available}) and leave out what is the default (page 1, 20 rows, the
 * default order), so that the plain URL stays the plain list.
 */
public final class ListPage<T> {

    /** The total where the count stopped, as "1–20 of more than 10,000" says it. */
    static final String MORE_THAN_COUNTED = "more than " + String.format(Locale.ENGLISH, "%,d", Page.COUNT_LIMIT);

    private static final int NEIGHBOURS = 2;

    private static final PageLink GAP = new PageLink("…", null, false);

    private final String path;
    private final Map<String, String> filters;
    private final ListQuery query;
    private final SortOrder defaultSort;
    private final Page<T> page;

    private ListPage(String path, Map<String, String> filters, ListQuery query, SortOrder defaultSort, Page<T> page) {
        this.path = path;
        this.filters = filters;
        this.query = query;
        this.defaultSort = defaultSort;
        this.page = page;
    }

    /**
     * Asks the service for the page the query names; a page after the list's end shows the last
     * one instead (and says so), as a bookmark may outlive some of the rows.
     *
     * @param path    the page's own URL, e.g. {@code catalogue.xhtml}
     * @param filters the URL's other parameters, in order; null or blank values are left out
     * @param source  the service call, e.g. {@code (request, sort) -> catalog.authors(q, request, sort)}
     */
    public static <T> ListPage<T> load(String path, Map<String, String> filters, ListQuery query, SortOrder defaultSort,
                                       BiFunction<PageRequest, SortOrder, Page<T>> source) {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        if (!query.reachable()) {
            // deeper than a list is read (10,000 rows): where its end is, from a counted first page
            Page<T> first = source.apply(new PageRequest(0, query.size(), true), query.sort());
            int last = Math.max(1, Math.min(first.totalPages(), PageRequest.lastPage(query.size()) + 1));
            query = query.onPage(last, "There is no page " + query.page() + (first.totalExact()
                    ? ": the list has " + last + (last == 1 ? " page" : " pages") + "; showing the last."
                    : ": lists show their first " + String.format(java.util.Locale.ENGLISH, "%,d", PageRequest.MAX_OFFSET)
                            + " rows (narrow the search for more); showing page " + last + "."));
        }
        Page<T> page = source.apply(query.request(), query.sort());
        if (page.items().isEmpty() && query.page() > 1) {
            if (page.total() == 0) {
                query = query.onPage(1, null);
                page = new Page<>(List.of(), 0, query.size(), 0);
            } else {
                int last = page.totalPages();
                query = query.onPage(last, "There is no page " + query.page() + (page.totalExact()
                        ? ": the list has " + last + (last == 1 ? " page" : " pages") + "; showing the last."
                        : "; showing page " + last + "."));
                page = source.apply(query.request(), query.sort());
            }
        }
        return new ListPage<>(path, Collections.unmodifiableMap(kept), query, defaultSort, page);
    }

    public List<T> getItems() {
        return page.items();
    }

    public boolean isEmpty() {
        return page.items().isEmpty();
    }

    /** What to say at the top of the page: a page or size that could not be shown as asked. */
    public List<String> getCorrections() {
        return query.corrections();
    }

    /** "21–40 of 55", or "of more than 10,000" where the count stopped; empty for an empty list. */
    public String getReport() {
        if (isEmpty()) {
            return "";
        }
        long first = (long) page.page() * page.size() + 1;
        long last = first + page.items().size() - 1;
        return number(first) + "–" + number(last) + " of " + (page.totalExact() ? number(page.total()) : MORE_THAN_COUNTED);
    }

    public int getPageNumber() {
        return query.page();
    }

    public int getSize() {
        return query.size();
    }

    /** The previous page's URL, or null on the first page. */
    public String getPrevious() {
        return query.page() > 1 ? url(query.page() - 1, query.size(), query.sort()) : null;
    }

    /** The next page's URL, or null on the last. */
    public String getNext() {
        return page.hasNext() ? url(query.page() + 1, query.size(), query.sort()) : null;
    }

    /**
     * The numbered links: the first page, the pages around this one, and the last where the total
     * is known (else a gap after them, as more follow); a gap is a link without a URL ("…").
     */
    public List<PageLink> getPages() {
        if (isEmpty()) {
            return List.of();
        }
        int current = query.page();
        // where the count stopped, the pages it counted exist, and more follow them
        int known = Math.max(current + (page.hasNext() ? 1 : 0), page.totalPages());
        List<Integer> numbers = new ArrayList<>();
        numbers.add(1);
        for (int n = Math.max(2, current - NEIGHBOURS); n <= Math.min(known, current + NEIGHBOURS); n++) {
            numbers.add(n);
        }
        boolean beyond = known > numbers.get(numbers.size() - 1);
        if (beyond && page.totalExact()) {
            numbers.add(known);
        }
        List<PageLink> links = new ArrayList<>();
        int previous = 0;
        for (int n : numbers) {
            if (n > previous + 1) {
                links.add(GAP);
            }
            links.add(new PageLink(String.valueOf(n), url(n, query.size(), query.sort()), n == current));
            previous = n;
        }
        if (beyond && !page.totalExact()) {
            links.add(GAP);
        }
        return links;
    }

    /** The page sizes offered, each with the URL that shows the same first row at that size. */
    public List<PageLink> getSizes() {
        long firstRow = (long) (query.page() - 1) * query.size();
        return ListQuery.SIZES.stream()
                .map(size -> new PageLink(String.valueOf(size), url((int) (firstRow / size) + 1, size, query.sort()),
                        size == query.size()))
                .toList();
    }

    /**
     * The URL a column's header links to: sorted by that column ascending, or descending when it
     * is sorted ascending already; from the first page, as another order makes another list.
     */
    public String sortUrl(String property) {
        boolean ascending = !(isSortedBy(property) && query.sort().ascending());
        return url(1, query.size(), new SortOrder(property, ascending));
    }

    /** The header's {@code aria-sort}: {@code ascending} or {@code descending} for the sorted column, else null. */
    public String ariaSort(String property) {
        if (!isSortedBy(property)) {
            return null;
        }
        return query.sort().ascending() ? "ascending" : "descending";
    }

    /** What the header's link does, for screen readers: "sort descending" or "sort ascending". */
    public String sortAction(String property) {
        return isSortedBy(property) && query.sort().ascending() ? "sort descending" : "sort ascending";
    }

    /** The order as the URL writes it ({@code -year}), or null for the default: a new search keeps it. */
    public String getSortParameter() {
        return query.sort().equals(defaultSort) ? null : sortParameter(query.sort());
    }

    /** The page size for the URL, or null for the default: a new search keeps it. */
    public String getSizeParameter() {
        return query.size() == PageRequest.DEFAULT_SIZE ? null : String.valueOf(query.size());
    }

    private boolean isSortedBy(String property) {
        return query.sort().property().equals(property);
    }

    String url(int pageNumber, int size, SortOrder sort) {
        StringJoiner parameters = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        filters.forEach((name, value) -> parameters.add(name + "=" + encode(value)));
        if (!sort.equals(defaultSort)) {
            parameters.add("sort=" + encode(sortParameter(sort)));
        }
        if (pageNumber > 1) {
            parameters.add("page=" + pageNumber);
        }
        if (size != PageRequest.DEFAULT_SIZE) {
            parameters.add("size=" + size);
        }
        return parameters.toString();
    }

    private static String sortParameter(SortOrder sort) {
        return (sort.ascending() ? "" : "-") + sort.property();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /**
     * A link of the pager.
     *
     * @param label   what it shows ("3", "…")
     * @param url     where it leads, or null for a gap
     * @param current whether it is the page (or size) shown now
     */
    public record PageLink(String label, String url, boolean current) {
    }
}
