package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.ClockProducer;
import org.library.platform.EmailAddress;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;
import org.library.web.faces.Dates;

/**
 * Loans across the changes of daylight saving time, on the real container and database, whose
 * JVM runs in Europe/Berlin (arquillian.xml), where a wall-clock timestamp repeats an hour each
 * autumn and skips one each spring. The clock is stopped at the instants of each case, in the zone
 * the library is given for it: instants are stored as they are (UTC epoch milliseconds), the due
 * date is the library's day of borrowing plus the loan period, and the pages show the library's
 * wall-clock time.
 */
@DeployedWith(MovableClock.class)
@ExtendWith(ActingAsStaff.class)
class DaylightSavingTimeIT extends LibraryInContainerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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

    @Inject
    ClockProducer library;

    @Inject
    Dates dates;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void theLibrarysZoneIsTheSettingsNotTheServerJvms() {
        assertThat(ZoneId.systemDefault()).as("the test server's JVM").isEqualTo(BERLIN);
        assertThat(library.zone()).as("library.time-zone").isEqualTo(ZoneId.of("UTC"));
        // 02:10 in Berlin that night
        assertThat(dates.timeOf(Instant.parse("2026-10-25T01:10:00Z"))).isEqualTo("25 Oct 2026, 01:10");
        assertThat(dates.dayOf(Instant.parse("2026-03-28T23:30:00Z"))).isEqualTo("28 Mar 2026");
    }

    @Test
    void aReturnInTheRepeatedAutumnHourIsStoredAfterTheBorrow() throws SQLException {
        Instant borrowed = Instant.parse("2026-10-25T00:40:00Z"); // 02:40 summer time (CEST)
        Instant returned = Instant.parse("2026-10-25T01:10:00Z"); // half an hour later: 02:10 winter time (CET)
        Member ada = member();
        Book book = book();

        MovableClock.stopAt(borrowed, BERLIN);
        Loan loan = circulation.borrow(ada.getId(), book.getId());
        MovableClock.stopAt(returned, BERLIN);
        circulation.giveBack(ada.getId(), book.getId());

        assertThat(storedInstants(loan.getId())).containsExactly(borrowed.toEpochMilli(), returned.toEpochMilli());
        Loan read = queries.loan(loan.getId());
        assertThat(read.getBorrowedAt()).isEqualTo(borrowed);
        assertThat(read.getReturnedAt()).isEqualTo(returned);
        assertThat(read.getDueOn()).isEqualTo(LocalDate.of(2026, 10, 25).plusDays(policy.loanPeriodDays()));
        assertThat(dates.timeOf(read.getBorrowedAt())).isEqualTo("25 Oct 2026, 02:40");
        assertThat(dates.timeOf(read.getReturnedAt())).isEqualTo("25 Oct 2026, 02:10");
    }

    @Test
    void aLoanAcrossTheSkippedSpringHourLastsItsRealTime() throws SQLException {
        Instant borrowed = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 winter time (CET)
        Instant returned = Instant.parse("2026-03-29T01:30:00Z"); // an hour later: 03:30 summer time (CEST)
        Member ada = member();
        Book book = book();

        MovableClock.stopAt(borrowed, BERLIN);
        Loan loan = circulation.borrow(ada.getId(), book.getId());
        MovableClock.stopAt(returned, BERLIN);
        circulation.giveBack(ada.getId(), book.getId());

        assertThat(storedInstants(loan.getId())).containsExactly(borrowed.toEpochMilli(), returned.toEpochMilli());
        Loan read = queries.loan(loan.getId());
        assertThat(read.getDueOn()).isEqualTo(LocalDate.of(2026, 3, 29).plusDays(policy.loanPeriodDays()));
        assertThat(dates.timeOf(read.getBorrowedAt())).isEqualTo("29 Mar 2026, 01:30");
        assertThat(dates.timeOf(read.getReturnedAt())).isEqualTo("29 Mar 2026, 03:30");
    }

    @Test
    void theDueDateCountsFromTheLibrarysDayOfBorrowing() {
        // 23:30 UTC on 28 March is already 00:30 on 29 March in Berlin
        Instant lateEvening = Instant.parse("2026-03-28T23:30:00Z");

        MovableClock.stopAt(lateEvening, BERLIN);
        assertThat(borrowAndReturn().getDueOn()).isEqualTo(LocalDate.of(2026, 3, 29).plusDays(policy.loanPeriodDays()));

        MovableClock.stopAt(lateEvening, ZoneOffset.UTC);
        assertThat(borrowAndReturn().getDueOn()).isEqualTo(LocalDate.of(2026, 3, 28).plusDays(policy.loanPeriodDays()));
    }

    /** A loan made now (by the clock), returned at once so that it never counts as overdue. */
    private Loan borrowAndReturn() {
        Member member = member();
        Book book = book();
        Loan loan = circulation.borrow(member.getId(), book.getId());
        circulation.giveBack(member.getId(), book.getId());
        return loan;
    }

    /** borrowed_at and returned_at as the database holds them. */
    private Long[] storedInstants(long loan) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT borrowed_at, returned_at FROM loans WHERE id = ?")) {
            s.setLong(1, loan);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private Book book() {
        Author author = catalog.createAuthor(new AuthorData("Clock Author", null, null));
        return catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Hours " + TestData.isbn(), null, 1, author.getId()));
    }

    private Member member() {
        return members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Night Reader", EmailAddress.of(TestData.email("dst")), null, true));
    }
}
