package org.library.web.api;

import java.util.List;
import org.library.platform.Page;

/** One page of a list resource, with the total so that a client can page through it. */
public record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
