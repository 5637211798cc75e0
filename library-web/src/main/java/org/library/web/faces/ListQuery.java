package org.library.web.faces;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.library.platform.Numbers;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

/**
 * The page, page size and sort a list page's URL asks for ({@code catalogue.xhtml?sort=-year&page=2&size=50}),
 * bounded as the REST API bounds them ({@link PageRequest}) and sorted only by the service's sort
 * names. A URL is typed, bookmarked and edited by people, so a value out of bounds is not an error
 * page: the list falls back to the nearest sensible value and says so ({@link #corrections()}).
 *
 * @param page        counted from 1, as people count pages (the API's {@code page} counts from 0)
 * @param size        rows a page, 1 to {@value PageRequest#MAX_SIZE}
 * @param sort        one of the service's sort names and a direction
 * @param corrections what was asked for and could not be shown, for the top of the page
 */
public record ListQuery(int page, int size, SortOrder sort, List<String> corrections) {

    /** The page sizes the list offers; any size within the API's bounds may be typed. */
    public static final List<Integer> SIZES = List.of(10, PageRequest.DEFAULT_SIZE, 50, PageRequest.MAX_SIZE);

    public ListQuery {
        corrections = List.copyOf(corrections);
    }

    /**
     * @param page     the URL's {@code page}, or null
     * @param size     the URL's {@code size}, or null
     * @param sort     the URL's {@code sort} ({@code year}, {@code -year} or {@code year,desc}), or null
     * @param sortable the service's sort names (its whitelist)
     */
    public static ListQuery parse(String page, String size, String sort, Set<String> sortable, SortOrder defaultSort) {
        List<String> corrections = new ArrayList<>();

        int rows = PageRequest.DEFAULT_SIZE;
        if (present(size)) {
            Optional<Integer> asked = number(size);
            if (asked.isEmpty()) {
                corrections.add("The page size must be a number; showing " + rows + " a page.");
            } else {
                rows = Math.max(1, Math.min(PageRequest.MAX_SIZE, asked.get()));
                if (rows != asked.get()) {
                    corrections.add("A page shows 1 to " + PageRequest.MAX_SIZE + " rows; showing " + rows + " a page.");
                }
            }
        }

        int number = 1;
        if (present(page)) {
            Optional<Integer> asked = number(page).filter(n -> n >= 1);
            if (asked.isPresent()) {
                number = asked.get();
            } else {
                corrections.add("There is no such page; showing the first.");
            }
        }

        SortOrder order = defaultSort;
        if (present(sort)) {
            Optional<SortOrder> asked = SortOrder.parse(sort).filter(s -> sortable.contains(s.property()));
            if (asked.isPresent()) {
                order = asked.get();
            } else {
                corrections.add("The list cannot be sorted that way; sorted by " + defaultSort.property() + ".");
            }
        }
        return new ListQuery(number, rows, order, corrections);
    }

    /** The service's request for this page, with the list's total counted (for "1–20 of 55"). */
    public PageRequest request() {
        return new PageRequest(page - 1, size, true);
    }

    /** The same list at another page, with one more correction (or none: {@code null}). */
    ListQuery onPage(int other, String correction) {
        List<String> all = new ArrayList<>(corrections);
        if (correction != null) {
            all.add(correction);
        }
        return new ListQuery(other, size, sort, all);
    }

    /** Whether the page's first row lies within the depth a list may be read to ({@link PageRequest#MAX_OFFSET}). */
    public boolean reachable() {
        return page - 1 <= PageRequest.lastPage(size);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** A whole number in ASCII digits ({@link Numbers}), as everywhere else. */
    private static Optional<Integer> number(String text) {
        java.util.OptionalInt number = Numbers.parseInt(text.strip());
        return number.isPresent() ? Optional.of(number.getAsInt()) : Optional.empty();
    }
}
