package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.accounts.AccountData;
import org.library.accounts.AccountService;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.changes.ChangeBatch;
import org.library.changes.ChangeEntry;
import org.library.changes.ChangeFeed;
import org.library.changes.RecordType;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberHasHoldsException;
import org.library.members.MemberHoldsBooksException;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.RecordNotFoundException;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * Privacy in the container, on the real database, with the clock moved: returned loans lose their
 * member once older than the period (18 months by default), unless the member keeps their
 * history, and never while open; an erased member's loans stay, anonymised, with the counts as
 * they were, and the member's account goes; erasure is refused while books are out or holds
 * active; the database itself refuses an open loan without its member.
 */
@ExtendWith(ActingAsStaff.class)
@DeployedWith(MovableClock.class)
class LoanPrivacyIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    AccountService accounts;

    @Inject
    LoanHistoryAnonymising anonymising;

    @Inject
    ChangeFeed feed;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void returnedLoansLoseTheirMemberAfterThePeriodUnlessKeptAndOpenOnesNever() throws Exception {
        Book book = book(3);
        Member forgetting = member("Forgetting Reader");
        Member keeping = members.keepLoanHistory(member("Keeping Reader").getId(), true);
        Member borrowing = member("Still Borrowing");
        Loan forgotten = borrowAndReturn(forgetting, book);
        Loan kept = borrowAndReturn(keeping, book);
        Loan open = circulation.borrow(borrowing.getId(), book.getId());

        MovableClock.advanceDays(17 * 31); // seventeen months on: within the period
        anonymising.run();
        assertThat(memberOf(forgotten)).as("returned seventeen months ago").isEqualTo(forgetting.getId());

        MovableClock.advanceDays(2 * 31); // nineteen months on: past it
        String start = head();
        anonymising.run();

        assertThat(memberOf(forgotten)).as("returned nineteen months ago").isNull();
        assertThat(memberOf(kept)).as("the member keeps their history").isEqualTo(keeping.getId());
        assertThat(memberOf(open)).as("an open loan").isEqualTo(borrowing.getId());
        assertThat(loansOf(book)).as("the book's history keeps the fact of each loan").isEqualTo(3);
        assertThat(queries.history(forgetting.getId())).as("the member's own history").isEmpty();
        assertThat(anonymising.run()).as("a second run finds nothing left to do").isZero();

        List<ChangeEntry> logged = entries(start, RecordType.LOAN).stream().filter(e -> e.recordId() == forgotten.getId()).toList();
        assertThat(logged).extracting(ChangeEntry::event).containsExactly("loan.updated");
        assertThat(logged.get(0).state()).containsEntry("memberId", null).containsEntry("bookId", book.getId());
    }

    @Test
    void anErasedMembersLoansStayAnonymisedTheCountsUnchangedAndTheAccountGone() throws Exception {
        Book book = book(1);
        Member erased = member("Erased Reader");
        Member other = member("Other Reader");
        accounts.openForMember(erased.getId(), new AccountData("erase-" + erased.getMemberNumber().toLowerCase(), "a long enough password"));
        Loan first = borrowAndReturn(erased, book);
        Loan second = borrowAndReturn(erased, book);
        circulation.borrow(other.getId(), book.getId());
        Hold hold = circulation.placeHold(erased.getId(), book.getId());
        circulation.cancelHold(erased.getId(), hold.getId());
        LibraryStatistics before = queries.statistics();
        String start = head();

        members.erase(erased.getId(), members.member(erased.getId()).getVersion());

        assertThatThrownBy(() -> members.member(erased.getId())).isInstanceOf(RecordNotFoundException.class);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE member_id = ?", erased.getId())).as("the account").isZero();
        assertThat(count("SELECT COUNT(*) FROM holds WHERE member_id = ?", erased.getId())).as("the closed hold").isZero();
        assertThat(memberOf(first)).isNull();
        assertThat(memberOf(second)).isNull();
        assertThat(loansOf(book)).as("the book's loans, the other member's open one among them").isEqualTo(3);
        LibraryStatistics after = queries.statistics();
        assertThat(after.copiesOut()).isEqualTo(before.copiesOut());
        assertThat(after.copies()).isEqualTo(before.copies());
        assertThat(after.overdueLoans()).isEqualTo(before.overdueLoans());
        assertThat(after.members()).isEqualTo(before.members() - 1);
        assertThat(entries(start, RecordType.MEMBER, RecordType.ACCOUNT)).extracting(ChangeEntry::event)
                .containsExactly("account.deleted", "member.deleted");
    }

    @Test
    void erasureIsRefusedWhileBooksAreOutOrHoldsActive() throws Exception {
        Book book = book(1);
        Member borrowing = member("Borrowing Reader");
        Member waiting = member("Waiting Reader");
        circulation.borrow(borrowing.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());

        assertThatThrownBy(() -> members.erase(borrowing.getId(), null)).isInstanceOf(MemberHoldsBooksException.class);
        assertThatThrownBy(() -> members.erase(waiting.getId(), null)).isInstanceOf(MemberHasHoldsException.class);
        assertThat(members.member(borrowing.getId()).getName()).isEqualTo("Borrowing Reader");
        assertThat(members.member(waiting.getId()).getName()).isEqualTo("Waiting Reader");
        assertThat(count("SELECT COUNT(*) FROM holds WHERE member_id = ?", waiting.getId())).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAnOpenLoanWithoutItsMember() throws Exception {
        Book book = book(1);
        Loan open = circulation.borrow(member("Open Loan").getId(), book.getId());

        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE loans SET member_id = NULL WHERE id = ?")) {
            update.setLong(1, open.getId());
            // a CHECK violation: 23514 in the SQL standard and PostgreSQL, 23513 in Derby
            String check = connection.getMetaData().getDatabaseProductName().equals("Apache Derby") ? "23513" : "23514";
            assertThatThrownBy(update::executeUpdate).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).as("a CHECK violation").isEqualTo(check);
                assertThat(e.getMessage().toLowerCase()).contains("ck_loans_member");
            });
        }
        assertThat(memberOf(open)).isNotNull();
    }

    private Book book(int copies) {
        Author author = catalog.createAuthor(new AuthorData("Privacy Author", null, null));
        return catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Private Reading", null, copies, author.getId()));
    }

    private Member member(String name) {
        return members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), name, EmailAddress.of(TestData.email(name)),
                null, true));
    }

    private Loan borrowAndReturn(Member member, Book book) {
        Loan loan = circulation.borrow(member.getId(), book.getId());
        circulation.giveBack(member.getId(), book.getId());
        return loan;
    }

    private Long memberOf(Loan loan) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT member_id FROM loans WHERE id = ?")) {
            select.setLong(1, loan.getId());
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("loan " + loan.getId() + " exists").isTrue();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }

    private long loansOf(Book book) throws SQLException {
        return count("SELECT COUNT(*) FROM loans WHERE book_id = ?", book.getId());
    }

    private long count(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String head() {
        ChangeBatch batch;
        String cursor = null;
        do {
            batch = feed.read(cursor, ChangeFeed.MAX_LIMIT, java.util.Set.of());
            cursor = batch.next();
        } while (batch.more());
        return cursor;
    }

    private List<ChangeEntry> entries(String start, RecordType first, RecordType... rest) {
        List<ChangeEntry> all = new ArrayList<>();
        String cursor = start;
        ChangeBatch batch;
        do {
            batch = feed.read(cursor, ChangeFeed.MAX_LIMIT, EnumSet.of(first, rest));
            all.addAll(batch.entries());
            cursor = batch.next();
        } while (batch.more());
        return all;
    }
}
