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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberHoldsBooksException;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.RecordNotFoundException;
import org.library.testing.ActingAsStaff;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * Members racing for the last copy of a book, released together by a barrier, each in a
 * transaction of its own on a container thread: exactly one wins, every other one is refused
 * with "no copy available", and the database agrees ({@code borrows}, open loans, copies out).
 */
@ExtendWith(ActingAsStaff.class)
class LastCopyRaceIT extends LibraryInContainerTest {

    private static final int RACERS = 4;

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    /** Container threads, one per racer, so that all of them really run at once. */
    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @RepeatedTest(5)
    void exactlyOneOfTheMembersRacingForTheLastCopyGetsIt() throws Exception {
        Author author = catalog.createAuthor(new AuthorData("Race Author", null, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "The Last Copy", null, 1, author.getId()));
        List<Long> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Racer " + i, EmailAddress.of(TestData.email("racer")), null, true)).getId());
        }
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService executor = Executors.newFixedThreadPool(RACERS, threads);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (long member : racers) {
            outcomes.add(executor.submit(ActingAsStaff.run(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    circulation.borrow(member, book.getId());
                    return true;
                } catch (NoCopyAvailableException refused) {
                    return false;
                }
            })));
        }
        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        executor.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM borrows WHERE book_id = ?", book.getId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM loans WHERE book_id = ? AND returned_at IS NULL", book.getId())).isEqualTo(1);
        assertThat(count("SELECT on_loan FROM books WHERE id = ?", book.getId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM borrows b JOIN loans l ON l.member_id = b.member_id "
                + "AND l.book_id = b.book_id AND l.returned_at IS NULL WHERE b.book_id = ?", book.getId()))
                .as("the borrows row and the open loan name the same member").isEqualTo(1);
    }

    /**
     * A member deleted while a borrow of theirs runs: deleting locks the member's row as borrowing
     * does, so one of them goes first and the other sees its result — the borrow finds no member, or
     * the deletion finds a book held. Either way the copies out, {@code borrows} and the open loans agree.
     */
    @RepeatedTest(10)
    void aMemberDeletedWhileTheyBorrowLeavesCopiesOutBorrowsAndLoansInAgreement() throws Exception {
        Author author = catalog.createAuthor(new AuthorData("Delete Race Author", null, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Borrowed While Leaving", null, 2, author.getId()));
        Member member = members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Leaving Member", EmailAddress.of(TestData.email("leaving")), null, true));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executor = Executors.newFixedThreadPool(2, threads);
        Future<String> borrow = executor.submit(ActingAsStaff.run(() -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                circulation.borrow(member.getId(), book.getId());
                return "borrowed";
            } catch (RecordNotFoundException gone) {
                return "member gone";
            }
        }));
        Future<String> delete = executor.submit(ActingAsStaff.run(() -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                members.delete(member.getId(), member.getVersion());
                return "deleted";
            } catch (MemberHoldsBooksException holding) {
                return "refused: holds a book";
            }
        }));
        String borrowed = borrow.get(60, TimeUnit.SECONDS);
        String deleted = delete.get(60, TimeUnit.SECONDS);
        executor.shutdown();

        assertThat(List.of(borrowed, deleted)).as("one went first, the other saw it")
                .isIn(List.of("borrowed", "refused: holds a book"), List.of("member gone", "deleted"));
        long out = count("SELECT on_loan FROM books WHERE id = ?", book.getId());
        assertThat(out).isEqualTo(borrowed.equals("borrowed") ? 1 : 0);
        assertThat(count("SELECT COUNT(*) FROM borrows WHERE book_id = ?", book.getId())).isEqualTo(out);
        assertThat(count("SELECT COUNT(*) FROM loans WHERE book_id = ? AND returned_at IS NULL", book.getId())).isEqualTo(out);
    }

    private long count(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
