package org.library.platform;

/**
 * A bounded page request: callers cannot ask for more than {@link #MAX_SIZE} rows at once, so that
 * no request can make the server load an unbounded list.
 *
 * @param count whether the list's total is wanted: counting reads every matching row (up to
 *              {@link Page#COUNT_LIMIT}), where the page itself reads only its own rows, so it is
 *              done only for callers that show it (a paginator), not for every API page
 */
public record PageRequest(int page, int size, boolean count) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
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
        return Math.multiplyExact(page, size);
    }
}
