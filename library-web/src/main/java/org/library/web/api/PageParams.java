package org.library.web.api;

import jakarta.ws.rs.QueryParam;
import org.library.platform.PageRequest;

/**
 * The paging query parameters of a list with one order (a record's history, newest first):
 * {@code page}, {@code size} and {@code total}, as {@link Paging} reads them, without its
 * {@code sort}. Fields of its own rather than a superclass of {@link Paging}: the OpenAPI scanner
 * documents the query parameters of a bean parameter's own fields only.
 */
public class PageParams {

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    @QueryParam("total")
    String total;

    public PageRequest request() {
        return Paging.request(page, size, total);
    }
}
