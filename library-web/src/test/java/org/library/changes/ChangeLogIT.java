package org.library.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.DuplicateIsbnException;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationService;
import org.library.circulation.MovableClock;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.InvalidInputException;
import org.library.platform.PageRequest;
import org.library.platform.SqlStates;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The change log in the container, on the real database: each committed change logged once, a
 * refused one not at all; the feed read from a cursor while many threads write sees every change
 * once, in commit order; personal data withheld from a reader without the scope; a cursor past the
 * retention refused; a record's history as field differences.
 */
@ExtendWith(ActingAsStaff.class)
@DeployedWith(MovableClock.class)
class ChangeLogIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    ChangeFeed feed;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void aCommittedChangeIsLoggedOnceAndARefusedOneNotAtAll() throws Exception {
        String start = head();
        Author author = catalog.createAuthor(new AuthorData("Logged Author", 1900, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Logged", 1950, 2, author.getId()));
        assertThatThrownBy(() -> catalog.createBook(new BookData(Isbn.of(book.getIsbn()), "Twice", null, 1, author.getId())))
                .isInstanceOf(DuplicateIsbnException.class);
        catalog.updateBook(book.getId(), book.getVersion(), new BookData(Isbn.of(book.getIsbn()), "Logged", 1950, 2, author.getId()));
        catalog.updateBook(book.getId(), null, new BookData(Isbn.of(book.getIsbn()), "Logged Again", 1950, 5, author.getId()));

        List<ChangeEntry> entries = feed.read(start, 100, EnumSet.of(RecordType.AUTHOR, RecordType.BOOK)).entries().stream()
                .filter(e -> e.type() == RecordType.AUTHOR ? e.recordId() == author.getId() : e.recordId() == book.getId())
                .toList();

        assertThat(entries).extracting(ChangeEntry::event)
                .as("the refused duplicate and the update that changed nothing are not in the log")
                .containsExactly("author.created", "book.created", "book.updated");
        ChangeEntry updated = entries.get(2);
        assertThat(updated.recordId()).isEqualTo(book.getId());
        assertThat(updated.version()).isEqualTo(catalog.book(book.getId()).getVersion());
        assertThat(updated.actor()).isEqualTo(ActingAsStaff.STAFF.name());
        assertThat(updated.state()).containsEntry("title", "Logged Again").containsEntry("copies", 5L)
                .containsEntry("authorId", author.getId()).containsEntry("publicationYear", 1950L);
        assertThat(entries).extracting(ChangeEntry::position).isSorted();
    }

    @Test
    void aReaderPollingWhileThirtyTwoThreadsWriteSeesEveryChangeOnceInCommitOrder() throws Exception {
        String start = head();
        Author author = catalog.createAuthor(new AuthorData("Feed Author", null, null));
        int writers = 32;
        int writesEach = 6;
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1, threads);
        Future<?> reader = pool.submit(ActingAsStaff.run(() -> {
            String cursor = start;
            go.await();
            boolean last = false;
            while (!last) {
                last = !writing.get(); // one more full read after the writers stopped
                ChangeBatch batch;
                do {
                    batch = feed.read(cursor, 7, EnumSet.of(RecordType.BOOK));
                    batch.entries().forEach(entry -> seen.add(entry.position()));
                    cursor = batch.next();
                } while (batch.more());
            }
            return null;
        }));
        List<Future<?>> work = new ArrayList<>();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger aborted = new AtomicInteger();
        for (int t = 0; t < writers; t++) {
            work.add(pool.submit(ActingAsStaff.run(() -> {
                go.await();
                for (int i = 0; i < writesEach; i++) {
                    try {
                        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Concurrent " + i, null, 1, author.getId()));
                        committed.incrementAndGet();
                        catalog.updateBook(book.getId(), null, new BookData(Isbn.of(book.getIsbn()), "Concurrent " + i + "'", null, 2, author.getId()));
                        committed.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (!SqlStates.isTransientConflict(e)) {
                            throw e;
                        }
                        aborted.incrementAndGet(); // rolled back whole: it must have left no entry
                    }
                }
                return null;
            })));
        }
        go.countDown();
        for (Future<?> w : work) {
            w.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        reader.get(5, TimeUnit.MINUTES);
        pool.shutdown();

        List<Long> logged = positions("SELECT c.position FROM changes c JOIN books b ON b.id = c.record_id "
                + "WHERE c.record_type = 'book' AND b.author_id = " + author.getId() + " ORDER BY c.position");
        assertThat(aborted.get()).as("writes aborted by lock conflicts").isLessThan(writers * writesEach / 10);
        assertThat(logged).as("one entry per committed write").hasSize(committed.get());
        assertThat(seen).as("the reader saw each once, in commit order, and nothing else").containsExactlyElementsOf(logged);
    }

    @Test
    void membersFieldsAndCardHoldersAreWithheldFromAReaderWithoutTheMembersScope() throws Exception {
        String start = head();
        Member member = members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Private Person",
                EmailAddress.of(TestData.email("private person")), null, true));
        Identity catalogueReader = new Identity("token:999", Set.of(Roles.CATALOGUE_READ));
        Identity membersReader = new Identity("token:998", Set.of(Roles.MEMBERS_WRITE));

        ChangeEntry withheld = Identity.call(catalogueReader, () -> only(feed.read(start, 100, EnumSet.of(RecordType.MEMBER))));
        ChangeEntry shown = Identity.call(membersReader, () -> only(feed.read(start, 100, EnumSet.of(RecordType.MEMBER))));

        assertThat(withheld.recordId()).isEqualTo(member.getId());
        assertThat(withheld.withheld()).isTrue();
        assertThat(withheld.state()).isNull();
        assertThat(shown.withheld()).isFalse();
        assertThat(shown.state()).containsEntry("name", "Private Person").containsEntry("memberNumber", member.getMemberNumber());
    }

    @Test
    void aCursorFromBeforeThePrunedEntriesIsRefusedAndAForgedOneIsInvalid() throws Exception {
        catalog.createAuthor(new AuthorData("Soon Pruned", null, null));
        String old = feed.read(null, 1, EnumSet.noneOf(RecordType.class)).next(); // just after the oldest entry kept
        MovableClock.advanceDays(31);
        assertThat(Identity.call(Identity.SYSTEM, feed::prune)).isPositive();

        assertThatThrownBy(() -> feed.read(old, 10, Set.of())).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("Resynchronise");
        assertThat(feed.read(null, 10, Set.of()).entries()).as("a reader without a cursor starts after the pruned").isEmpty();
        assertThatThrownBy(() -> feed.read("not-a-cursor", 10, Set.of())).isInstanceOf(InvalidInputException.class);
        String forged = java.util.Base64.getUrlEncoder().encodeToString("changes:-5".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> feed.read(forged, 10, Set.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBooksHistoryNamesWhoChangedWhichFieldFromWhatToWhatNewestFirst() {
        Author author = catalog.createAuthor(new AuthorData("History Author", null, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "First Title", null, 1, author.getId()));
        catalog.updateBook(book.getId(), null, new BookData(Isbn.of(book.getIsbn()), "First Title", null, 3, author.getId()));
        Identity.run(new Identity("other.librarian", Set.of(Roles.STAFF)), () -> catalog.updateBook(book.getId(), null,
                new BookData(Isbn.of(book.getIsbn()), "Second Title", 2001, 3, author.getId())));

        List<HistoryEntry> history = feed.history(RecordType.BOOK, book.getId(), new PageRequest(0, 2)).items();

        assertThat(history).extracting(HistoryEntry::event).containsExactly("book.updated", "book.updated");
        assertThat(history.get(0).actor()).isEqualTo("other.librarian");
        assertThat(history.get(0).changes()).containsExactly(new FieldChange("title", "First Title", "Second Title"),
                new FieldChange("publicationYear", null, 2001L));
        assertThat(history.get(1).changes()).containsExactly(new FieldChange("copies", 1L, 3L));
        List<HistoryEntry> older = feed.history(RecordType.BOOK, book.getId(), new PageRequest(1, 2)).items();
        assertThat(older).extracting(HistoryEntry::event).containsExactly("book.created");
        assertThat(older.get(0).changes()).as("the first entry shows every field it set")
                .contains(new FieldChange("title", null, "First Title"), new FieldChange("isbn", null, book.getIsbn()));
    }

    @Test
    void aLoanIsLoggedAsBorrowedRenewedAndReturnedWithItsDueDate() throws Exception {
        String start = head();
        Author author = catalog.createAuthor(new AuthorData("Loan Author", null, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Lent", null, 1, author.getId()));
        Member member = members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Borrower",
                EmailAddress.of(TestData.email("borrower")), null, true));
        long loan = circulation.borrow(member.getId(), book.getId()).getId();
        circulation.renew(member.getId(), book.getId());
        circulation.giveBack(member.getId(), book.getId());

        List<ChangeEntry> entries = feed.read(start, 100, EnumSet.of(RecordType.LOAN)).entries();

        assertThat(entries).extracting(ChangeEntry::event).containsExactly("loan.borrowed", "loan.renewed", "loan.returned");
        assertThat(entries).extracting(ChangeEntry::recordId).containsOnly(loan);
        assertThat(entries).extracting(ChangeEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).state()).containsEntry("memberId", member.getId()).containsEntry("bookId", book.getId())
                .containsEntry("returnedAt", null);
        assertThat(entries.get(1).state().get("dueOn")).isNotEqualTo(entries.get(0).state().get("dueOn"));
        assertThat(entries.get(2).state().get("returnedAt")).isNotNull();
    }

    /** The cursor of the newest entry now: what follows is this test's. */
    private String head() {
        ChangeBatch batch;
        String cursor = null;
        do {
            batch = feed.read(cursor, ChangeFeed.MAX_LIMIT, Set.of());
            cursor = batch.next();
        } while (batch.more());
        return cursor;
    }

    private static ChangeEntry only(ChangeBatch batch) {
        assertThat(batch.entries()).hasSize(1);
        return batch.entries().get(0);
    }

    private List<Long> positions(String sql) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                positions.add(r.getLong(1));
            }
        }
        return positions;
    }
}
