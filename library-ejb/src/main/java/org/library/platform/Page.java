package org.library.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with as much of the list's total as is known.
 *
 * <p>The total is exact when the list ends on or before this page (no count needed), or when the
 * caller asked for a count ({@link PageRequest#count()}) and there are at most {@link #COUNT_LIMIT}
 * rows. Otherwise it is a lower bound ({@code totalExact} false): "more than this page", or "more
 * than 10,000", as search engines answer. Counting a million books exactly on every page would
 * read a million index entries per page; a page itself reads twenty.
 *
 * @param items      the rows of this page, at most {@code size}
 * @param page       zero-based page number
 * @param size       requested page size
 * @param total      number of rows over all pages; when not exact, a number the list has at least
 * @param totalExact whether {@code total} is the exact number
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    /** The most rows a count reads; a list with more has the total "more than 10,000". */
    public static final int COUNT_LIMIT = 10_000;

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose list has exactly {@code total} rows. */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total, totalExact);
    }

    /** Whether rows follow this page. */
    public boolean hasNext() {
        return (long) page * size + items.size() < total;
    }

    /** The number of pages, or when the total is not exact, the number of pages there are at least. */
    public int totalPages() {
        return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}
