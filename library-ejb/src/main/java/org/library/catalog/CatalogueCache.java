package org.library.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

/**
 * What the catalogue says of its books — pages of lists and searches, and books by id — kept
 * between requests, because a library's catalogue is read far more often than it changes.
 *
 * <p>Every use asks the database whether the catalogue has changed since: each entry carries the
 * catalogue's generation it was read under, a number the database counts up in the same
 * transaction as any change a list could show ({@link CatalogueGenerationMigration}), whichever
 * instance, import or SQL console made it. The question is the same statement that reads where
 * the entry's copies are now (on loan, on hold, the version), so a page from the cache costs one
 * statement by primary key, correct the moment the change that made it stale commits, on every
 * instance of a cluster; and a page whose catalogue changed is read again like the first time.
 *
 * <p>An entry is read after its generation, in the same transaction: under read committed, the
 * rows then read are at least as new as the generation they are filed under. Never newer than
 * it would matter only the other way round (old rows under a new number), which this order
 * rules out.
 *
 * <p>Bounded: at most {@link #CAPACITY} books in all, the least recently used going first.
 */
@ApplicationScoped
public class CatalogueCache {

    /** The most books held, counting each book of each page held (and one per page). */
    static final long CAPACITY = 20_000;

    /** Which page of which list: the filter, the page and its size, whether counted, and the order. */
    record PageKey(BookFilter filter, PageRequest request, SortOrder sort) {
    }

    /** A value and the catalogue generation it was read under. */
    private record Filed<T>(long generation, T value) {
    }

    private final Cache<Object, Filed<?>> entries = Caffeine.newBuilder()
            .maximumWeight(CAPACITY)
            .weigher((Object key, Filed<?> filed) -> filed.value() instanceof Page<?> page ? page.items().size() + 1 : 1)
            .build();

    /** The newest generation seen: entries filed under an older one can never be used again. */
    private final AtomicLong newest = new AtomicLong();

    /**
     * The page, from the cache when the catalogue has not changed since it was kept, with where
     * its copies are read now; else from {@code reader}, and kept.
     */
    Page<CatalogueEntry> page(EntityManager em, PageKey key, Supplier<Page<CatalogueEntry>> reader) {
        @SuppressWarnings("unchecked")
        Filed<Page<CatalogueEntry>> kept = (Filed<Page<CatalogueEntry>>) entries.getIfPresent(key);
        long generation;
        if (kept != null && kept.value().items().isEmpty()) {
            generation = generation(em);
            if (generation == kept.generation()) {
                return kept.value();
            }
        } else if (kept != null) {
            Circulation now = circulation(em, kept.value().items().stream().map(CatalogueEntry::getId).toList());
            if (now.generation() == kept.generation() && now.copies().size() == kept.value().items().size()) {
                return kept.value().map(entry -> now.apply(entry));
            }
            generation = now.generation() != 0 ? now.generation() : generation(em);
        } else {
            generation = generation(em);
        }
        Page<CatalogueEntry> page = reader.get();
        file(key, generation, page);
        return page;
    }

    /**
     * The book, from the cache when the catalogue has not changed since it was kept, with where
     * its copies are read now; else from {@code reader}, and kept.
     */
    CatalogueEntry entry(EntityManager em, long id, Supplier<CatalogueEntry> reader) {
        @SuppressWarnings("unchecked")
        Filed<CatalogueEntry> kept = (Filed<CatalogueEntry>) entries.getIfPresent(id);
        Circulation now = circulation(em, List.of(id));
        if (now.copies().isEmpty()) {
            return reader.get(); // no such book (the reader says so), or one catalogued this instant
        }
        if (kept != null && now.generation() == kept.generation()) {
            return now.apply(kept.value());
        }
        CatalogueEntry entry = reader.get();
        file(id, now.generation(), entry);
        return entry;
    }

    private void file(Object key, long generation, Object value) {
        long seen = newest.getAndAccumulate(generation, Math::max);
        if (generation > seen && seen != 0) {
            entries.invalidateAll(); // all filed under older generations: free the room now
        }
        entries.put(key, new Filed<>(generation, value));
    }

    /** The catalogue's generation now. */
    private static long generation(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT generation FROM catalogue_state").getSingleResult()).longValue();
    }

    /**
     * Where the copies of these books are, with the catalogue's generation, in one statement: the
     * one-row generation table joined to the books by primary key.
     */
    private static Circulation circulation(EntityManager em, List<Long> ids) {
        String placeholders = IntStream.rangeClosed(1, ids.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
        jakarta.persistence.Query query = em.createNativeQuery(
                "SELECT s.generation, b.id, b.on_loan, b.on_hold, b.version FROM books b, catalogue_state s WHERE b.id IN ("
                        + placeholders + ")");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, long[]> copies = new HashMap<>(rows.size() * 2);
        long generation = 0;
        for (Object[] row : rows) {
            generation = ((Number) row[0]).longValue();
            copies.put(((Number) row[1]).longValue(),
                    new long[] {((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()});
        }
        return new Circulation(generation, copies);
    }

    /** The catalogue's generation (0: not read, no row came) and, by book id, on loan, on hold and version. */
    private record Circulation(long generation, Map<Long, long[]> copies) {

        CatalogueEntry apply(CatalogueEntry entry) {
            long[] now = copies.get(entry.getId());
            return entry.withCirculation((int) now[0], (int) now[1], now[2]);
        }
    }
}
