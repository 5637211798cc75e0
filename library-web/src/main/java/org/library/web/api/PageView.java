package org.library.web.api;

import java.util.List;
import org.library.platform.Page;

/**
 * One page of a list resource.
 *
 * @param hasNext    whether another page follows
 * @param total      the number of rows the list has; when {@code totalExact} is false, a number it
 *                   has at least (more than this page, or more than 10,000 when counted: ask
 *                   {@code total=true} for a count)
 * @param totalPages the number of pages; only with an exact total
 */
public record PageView<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                          Integer totalPages) {

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.page(), page.size(), page.hasNext(), page.total(), page.totalExact(),
                page.totalExact() ? page.totalPages() : null);
    }
}
