package org.library.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list plus the total number of rows the list has.
 *
 * @param items the rows of this page, at most {@code size}
 * @param page  zero-based page number
 * @param size  requested page size
 * @param total number of rows over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
