package org.library.web.faces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces table model that asks a service for one page at a time (the staff's lists, whose
 * views keep their state in the session; the public lists are {@link ListPage}s): only the rows on screen
 * are ever in memory, and the page size is bounded by {@link PageRequest#MAX_SIZE}. A column's
 * {@code field} is the service's sort name ({@code title}, {@code author}, ...), so that sorting
 * goes through the service's whitelist too.
 */
public class ServicePageModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** A service call, e.g. {@code (request, sort) -> catalog.books(filter, request, sort)}. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        Page<T> page(PageRequest request, SortOrder sort);
    }

    /** How a row is named in the table's row keys (its id). */
    @FunctionalInterface
    public interface Key<T> extends Function<T, Object>, Serializable {
    }

    private final Source<T> source;
    private final SortOrder defaultSort;
    private final Key<T> key;
    private boolean totalExact = true;

    public ServicePageModel(Source<T> source, SortOrder defaultSort, Key<T> key) {
        this.source = source;
        this.defaultSort = defaultSort;
        this.key = key;
    }

    /**
     * The total, from a one-row page (the service counts in the same call), at most
     * {@link Page#COUNT_LIMIT} + 1: a paginator pages through the first 10,000 rows, and the
     * search narrows the rest.
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Page<T> page = source.page(PageRequest.first(1).withCount(), defaultSort);
        totalExact = page.totalExact();
        return Math.toIntExact(page.total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(pageSize, PageRequest.MAX_SIZE));
        Page<T> page = source.page(new PageRequest(first / size, size, true), sortOrder(sortBy));
        setRowCount(Math.toIntExact(page.total()));
        totalExact = page.totalExact();
        return page.items();
    }

    /**
     * The paginator's "1–20 of N", or "of more than 10,000" where the count stopped there (the
     * table's {@code currentPageReportTemplate}).
     */
    public String getPageReport() {
        return "{startRecord}–{endRecord} of " + (totalExact ? "{totalRecords}" : ListPage.MORE_THAN_COUNTED);
    }

    private SortOrder sortOrder(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream()
                .filter(meta -> meta.getOrder() != null && !meta.getOrder().isUnsorted())
                .sorted()
                .findFirst()
                .map(meta -> new SortOrder(meta.getField(), meta.getOrder().isAscending()))
                .orElse(defaultSort);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }
}
