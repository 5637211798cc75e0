package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.LibraryException;
import org.library.testing.ActingAsStaff;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * Many members on 32 container threads borrowing, returning, renewing (one loan and all of a member's), placing and cancelling
 * holds at random on a few scarce books; afterwards the database must tell one consistent story:
 * no copy lent twice, {@code borrows} and the open loans agree, every set-aside copy belongs to a
 * ready hold, no copy sits on the shelf while someone waits (no hold skipped), and holds were served
 * first come, first served. Refusals are expected; any other failure fails the test.
 */
@ExtendWith(ActingAsStaff.class)
class CirculationInvariantsIT extends LibraryInContainerTest {

    private static final int THREADS = 32;
    private static final int OPERATIONS = 400;

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    CirculationPolicy policy;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @RepeatedTest(3)
    void concurrentCirculationKeepsEveryInvariant() throws Exception {
        Author author = catalog.createAuthor(new AuthorData("Invariant Author", null, null));
        List<Long> books = new ArrayList<>();
        for (int copies : new int[] {1, 1, 2, 3}) {
            books.add(catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Scarce " + copies, null, copies, author.getId())).getId());
        }
        List<Long> readers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            readers.add(members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Reader " + i, EmailAddress.of(TestData.email("reader")), null, true)).getId());
        }
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, threads);
        List<Future<?>> work = new ArrayList<>();
        AtomicInteger remaining = new AtomicInteger(OPERATIONS);
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(ActingAsStaff.run(() -> {
                start.await();
                while (remaining.getAndDecrement() > 0) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long member = readers.get(random.nextInt(readers.size()));
                    long book = books.get(random.nextInt(books.size()));
                    String operation = List.of("borrow", "borrow", "return", "return", "renew", "renew all", "hold", "cancel")
                            .get(random.nextInt(8));
                    try {
                        switch (operation) {
                            case "borrow" -> circulation.borrow(member, book);
                            case "return" -> circulation.giveBack(member, book);
                            case "renew" -> circulation.renew(member, book);
                            // every book of the member locked in one transaction: it must meet no circle of waits either
                            case "renew all" -> circulation.renewAll(member);
                            case "hold" -> circulation.placeHold(member, book);
                            default -> queries.holds(member).stream().filter(h -> h.getStatus().isActive())
                                    .findFirst().ifPresent(h -> circulation.cancelHold(member, h.getId()));
                        }
                        outcomes.computeIfAbsent(operation + " done", k -> new AtomicInteger()).incrementAndGet();
                    } catch (LibraryException refused) {
                        outcomes.computeIfAbsent(operation + " refused: " + refused.code(), k -> new AtomicInteger())
                                .incrementAndGet();
                    } catch (RuntimeException e) {
                        if (isTransientLockConflict(e)) {
                            // the database aborted the whole transaction (deadlock victim or lock
                            // wait timeout): nothing was written, the client may retry
                            outcomes.computeIfAbsent(operation + " aborted: lock conflict", k -> new AtomicInteger())
                                    .incrementAndGet();
                        } else {
                            failures.add(e);
                        }
                    }
                }
                return null;
            })));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        System.out.println("Circulation outcomes: " + new TreeMap<>(outcomes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        assertThat(failures).as("failures other than business refusals and aborted transactions").isEmpty();
        int aborted = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith("aborted: lock conflict"))
                .mapToInt(e -> e.getValue().get()).sum();
        assertThat(aborted).as("transactions aborted by lock conflicts").isLessThan(OPERATIONS / 10);
        assertThat(outcomes.keySet()).as("the run exercised the operations").contains("borrow done", "return done");
        String bookIds = books.stream().map(String::valueOf).collect(Collectors.joining(","));
        String in = " IN (" + bookIds + ")";

        assertThat(rows("SELECT b.id FROM books b WHERE b.id" + in + " AND b.on_loan <> "
                + "(SELECT COUNT(*) FROM borrows r WHERE r.book_id = b.id)")).as("on_loan counts the borrows rows").isEmpty();
        assertThat(rows("SELECT b.id FROM books b WHERE b.id" + in + " AND b.on_loan <> "
                + "(SELECT COUNT(*) FROM loans l WHERE l.book_id = b.id AND l.returned_at IS NULL)"))
                .as("on_loan counts the open loans").isEmpty();
        assertThat(rows("SELECT r.book_id FROM borrows r WHERE r.book_id" + in + " AND NOT EXISTS (SELECT 1 FROM loans l "
                + "WHERE l.member_id = r.member_id AND l.book_id = r.book_id AND l.returned_at IS NULL)"))
                .as("every borrows row has its open loan").isEmpty();
        assertThat(rows("SELECT l.book_id FROM loans l WHERE l.book_id" + in + " AND l.returned_at IS NULL GROUP BY "
                + "l.member_id, l.book_id HAVING COUNT(*) > 1")).as("one open loan per member and book").isEmpty();
        assertThat(rows("SELECT b.id FROM books b WHERE b.id" + in + " AND b.on_hold <> (SELECT COUNT(*) FROM holds h "
                + "WHERE h.book_id = b.id AND h.status = 'READY')")).as("each set-aside copy has its ready hold").isEmpty();
        assertThat(rows("SELECT b.id FROM books b WHERE b.id" + in + " AND b.on_loan + b.on_hold > b.copies"))
                .as("no copy lent twice").isEmpty();
        assertThat(rows("SELECT b.id FROM books b WHERE b.id" + in + " AND b.on_loan + b.on_hold < b.copies AND EXISTS "
                + "(SELECT 1 FROM holds h WHERE h.book_id = b.id AND h.status = 'WAITING')"))
                .as("no copy on the shelf while someone waits (no hold skipped)").isEmpty();
        assertThat(rows("SELECT r.id FROM holds r WHERE r.book_id" + in + " AND r.status = 'READY' AND EXISTS (SELECT 1 "
                + "FROM holds w WHERE w.book_id = r.book_id AND w.status = 'WAITING' AND w.placed_at < r.placed_at)"))
                .as("ready holds were first in line").isEmpty();
        assertThat(rows("SELECT h.book_id FROM holds h WHERE h.book_id" + in + " AND h.status IN ('WAITING', 'READY') "
                + "GROUP BY h.member_id, h.book_id HAVING COUNT(*) > 1")).as("one active hold per member and book").isEmpty();
        assertThat(rows("SELECT r.member_id FROM borrows r GROUP BY r.member_id HAVING COUNT(*) > " + policy.maxLoans()))
                .as("nobody holds more than the limit").isEmpty();

        // the change log tells the same story, once per change, in commit order
        String loans = "SELECT id FROM loans WHERE book_id" + in;
        String holds = "SELECT id FROM holds WHERE book_id" + in;
        assertThat(rows("SELECT l.id FROM loans l WHERE l.book_id" + in + " AND (SELECT COUNT(*) FROM changes c "
                + "WHERE c.record_type = 'loan' AND c.record_id = l.id AND c.action = 'borrowed') <> 1"))
                .as("one borrowed entry per loan").isEmpty();
        assertThat(rows("SELECT l.id FROM loans l WHERE l.book_id" + in + " AND (SELECT COUNT(*) FROM changes c "
                + "WHERE c.record_type = 'loan' AND c.record_id = l.id AND c.action = 'returned') <> "
                + "CASE WHEN l.returned_at IS NULL THEN 0 ELSE 1 END")).as("one returned entry per returned loan").isEmpty();
        assertThat(rows("SELECT l.id FROM loans l WHERE l.book_id" + in + " AND (SELECT COUNT(*) FROM changes c "
                + "WHERE c.record_type = 'loan' AND c.record_id = l.id AND c.action = 'renewed') <> l.renewals"))
                .as("one renewed entry per renewal").isEmpty();
        assertThat(rows("SELECT h.id FROM holds h WHERE h.book_id" + in + " AND (SELECT COUNT(*) FROM changes c "
                + "WHERE c.record_type = 'hold' AND c.record_id = h.id AND c.action = 'placed') <> 1"))
                .as("one placed entry per hold").isEmpty();
        assertThat(rows("SELECT r.id FROM loans r WHERE r.book_id" + in + " AND r.version <> (SELECT c.record_version "
                + "FROM changes c WHERE c.record_type = 'loan' AND c.record_id = r.id AND c.position = (SELECT MAX(d.position) "
                + "FROM changes d WHERE d.record_type = 'loan' AND d.record_id = r.id))"))
                .as("each loan's last entry carries the version it has").isEmpty();
        assertThat(rows("SELECT r.id FROM holds r WHERE r.book_id" + in + " AND (r.version <> (SELECT c.record_version "
                + "FROM changes c WHERE c.record_type = 'hold' AND c.record_id = r.id AND c.position = (SELECT MAX(d.position) "
                + "FROM changes d WHERE d.record_type = 'hold' AND d.record_id = r.id)) OR LOWER(CASE r.status WHEN 'WAITING' "
                + "THEN 'placed' ELSE r.status END) <> (SELECT c.action FROM changes c WHERE c.record_type = 'hold' "
                + "AND c.record_id = r.id AND c.position = (SELECT MAX(d.position) FROM changes d WHERE d.record_type = 'hold' "
                + "AND d.record_id = r.id)))")).as("each hold's last entry carries its version and status").isEmpty();
        assertThat(rows("SELECT a.position FROM changes a JOIN changes b ON b.record_type = a.record_type "
                + "AND b.record_id = a.record_id AND b.position > a.position WHERE (a.record_type = 'loan' AND a.record_id IN (" + loans + ") OR a.record_type = 'hold' AND a.record_id IN ("
                + holds + ")) AND b.record_version <= a.record_version"))
                .as("a record's versions rise with the log's positions: the log is in commit order").isEmpty();
    }

    /** SQLState class 40: the database rolled the transaction back (deadlock, lock timeout). */
    private static boolean isTransientLockConflict(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private List<Long> rows(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }
}
