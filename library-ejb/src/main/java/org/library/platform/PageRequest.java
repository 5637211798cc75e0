package org.library.platform;

/**
 * A bounded page request: callers cannot ask for more than {@link #MAX_SIZE} rows at once, nor
 * for a page deeper than {@link #MAX_OFFSET} rows, so that no request can make the server load an
 * unbounded list or skip through a million rows to find its page.
 *
 * @param count whether the list's total is wanted: counting reads every matching row (up to
 *              {@link Page#COUNT_LIMIT}), where the page itself reads only its own rows, so it is
 *              done only for callers that show it (a paginator), not for every API page
 */
public record PageRequest(int page, int size, boolean count) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * The most rows a page may skip: as far as a list's count goes ({@link Page#COUNT_LIMIT}), so
     * that every page a paginator can name is reachable. Beyond it a search narrows the list, and
     * the CSV exports (keyset-paged streams) hand out whole tables.
     */
    public static final int MAX_OFFSET = Page.COUNT_LIMIT;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " starts deeper than " + MAX_OFFSET + " rows");
        }
    }

    /** A page without the list's total. */
    public PageRequest(int page, int size) {
        this(page, size, false);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The same page, with the list's total counted. */
    public PageRequest withCount() {
        return new PageRequest(page, size, true);
    }

    public int offset() {
        return page * size;
    }

    /** The deepest page number of this size that {@link #MAX_OFFSET} allows. */
    public static int lastPage(int size) {
        return MAX_OFFSET / size;
    }
}
