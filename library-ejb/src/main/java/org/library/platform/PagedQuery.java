package org.library.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filtered, sorted list query and its count, built from whitelisted JPQL fragments and bound
 * parameters: one statement for the page (fetch joins included), and only where the caller asks
 * for the total and the page alone cannot tell it, one for the count, bounded by
 * {@link Page#COUNT_LIMIT} (see {@link Page}).
 */
public final class PagedQuery<T> {

    private final Class<T> type;
    private final String select;
    private final String ids;
    private final List<String> conditions = new java.util.ArrayList<>();
    private final List<String> joins = new java.util.ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> fetches = new java.util.ArrayList<>();
    private final List<String> optionalFetches = new java.util.ArrayList<>();
    private final List<String> batches = new java.util.ArrayList<>();

    /**
     * @param select e.g. {@code SELECT b FROM Book b JOIN FETCH b.author a}
     * @param ids    the same rows' ids, for the count, e.g. {@code SELECT b.id FROM Book b JOIN b.author a}
     */
    public PagedQuery(Class<T> type, String select, String ids) {
        this.type = type;
        this.select = select;
        this.ids = ids;
    }

    /** Adds a condition (ANDed with the others) and its named parameters, given as name, value, ... */
    public PagedQuery<T> where(String condition, Object... nameValuePairs) {
        conditions.add(condition);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /**
     * A condition that joins the page's entities ({@code w.bookId = b.id}) and that the count does
     * not need, because its ids come from one of them alone ({@code SELECT w.bookId FROM BookWord
     * w}): a join the count does without is one the database cannot plan badly.
     */
    public PagedQuery<T> joinedBy(String condition) {
        joins.add(condition);
        return this;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE (" + String.join(") AND (", conditions) + ")";
    }

    /**
     * Loads these relationship paths in the page's statement too, nested ones included
     * ({@code l.book.author}), which a JPQL fetch join through an alias does not reliably do.
     */
    public PagedQuery<T> fetch(String... paths) {
        fetches.addAll(List.of(paths));
        return this;
    }

    /** As {@link #fetch}, for optional relationships: rows without the related record stay in the page. */
    public PagedQuery<T> fetchOptional(String... paths) {
        optionalFetches.addAll(List.of(paths));
        return this;
    }

    /**
     * Loads these to-one paths with one more statement for the whole page ({@code WHERE id IN
     * (…)}) instead of joining them into the page's statement: the page's own statement then stays
     * an index scan in sort order, which a join can turn into a sort of the whole table.
     */
    public PagedQuery<T> batch(String... paths) {
        batches.addAll(List.of(paths));
        return this;
    }

    public Page<T> page(EntityManager em, PageRequest request, String orderBy) {
        // one row more than the page: whether another page follows, without a count
        List<String> pageConditions = new java.util.ArrayList<>(joins);
        pageConditions.addAll(conditions);
        TypedQuery<T> items = em.createQuery(select + where(pageConditions) + orderBy, type)
                .setFirstResult(request.offset()).setMaxResults(request.size() + 1);
        fetches.forEach(path -> items.setHint("eclipselink.join-fetch", path));
        optionalFetches.forEach(path -> items.setHint("eclipselink.left-join-fetch", path));
        if (!batches.isEmpty()) {
            batches.forEach(path -> items.setHint("eclipselink.batch", path));
            items.setHint("eclipselink.batch.type", "IN");
        }
        parameters.forEach(items::setParameter);
        List<T> rows = items.getResultList();
        boolean more = rows.size() > request.size();
        if (more) {
            rows = rows.subList(0, request.size());
        }
        long seen = (long) request.offset() + rows.size();
        if (!more && (!rows.isEmpty() || request.page() == 0)) {
            return new Page<>(rows, request.page(), request.size(), seen, true); // the list ends here
        }
        if (!request.count()) {
            return new Page<>(rows, request.page(), request.size(), more ? seen + 1 : 0, false);
        }
        // the ids of at most COUNT_LIMIT + 1 rows, in no order: the cheapest index will do
        TypedQuery<Long> counted = em.createQuery(ids + where(conditions), Long.class).setMaxResults(Page.COUNT_LIMIT + 1);
        parameters.forEach(counted::setParameter);
        int total = counted.getResultList().size();
        if (total <= Page.COUNT_LIMIT) {
            return new Page<>(rows, request.page(), request.size(), total, true);
        }
        return new Page<>(rows, request.page(), request.size(), Math.max(total, more ? seen + 1 : seen), false);
    }

    /** {@code %text%} in lower case, with LIKE's wildcards in the text taken literally. */
    public static String containing(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
