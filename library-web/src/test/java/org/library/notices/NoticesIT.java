package org.library.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationService;
import org.library.circulation.Loan;
import org.library.circulation.MovableClock;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.operations.NoticesHealthCheck;
import org.library.platform.EmailAddress;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * E-mail notices sent for real, in the container, to a real SMTP server (GreenMail, started here on
 * the port the test server's {@code library.mail.port} names): "hold ready" right after the commit
 * and never for a rolled-back return; one digest per member and day, with its due-soon, overdue and
 * ready sections, as plain text and HTML; a mail server that is down delays the notice, shows in
 * the health check, and the notice goes once it is back; a member who said no gets nothing.
 */
@ExtendWith(ActingAsStaff.class)
@DeployedWith({MovableClock.class, GreenMail.class, org.slf4j.Logger.class})
class NoticesIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    NoticeSender sender;

    @Inject
    NoticeOutbox outbox;

    @Inject
    @Readiness // a qualifier: the check is no @Default bean
    NoticesHealthCheck health;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    private GreenMail smtp;

    @BeforeEach
    void startTheMailServer() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("library.mail.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        MovableClock.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aReturnThatSetsACopyAsideForAHoldMailsTheWaitingMemberOnceAfterTheCommit() throws Exception {
        Book book = book("Set Aside", 1);
        Member reader = member("Reader");
        Member waiting = member("Waiting Wendy");
        circulation.borrow(reader.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());

        circulation.giveBack(reader.getId(), book.getId());

        List<MimeMessage> mails = mailsTo(waiting, 1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Library: \u201CSet Aside\u201D is ready for you");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("library@it.example.org");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<notice-\\d+@it\\.example\\.org>");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Dear Waiting Wendy", "\u201CSet Aside\u201D by Author of Set Aside", "pick it up at the desk by",
                "http://library.it.example.org/library/member.xhtml?id=" + waiting.getId());
        assertThat(html).contains("<strong>Set Aside</strong>", "href=\"http://library.it.example.org/library/member.xhtml?id="
                + waiting.getId() + "\"");
        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).containsExactly("SENT");
        sender.round();
        assertThat(mailsTo(waiting)).as("sent once").hasSize(1);
    }

    @Test
    void aSentNoticeIsKeptNinetyDaysThenPruned() throws Exception {
        Book book = book("Kept A While", 1);
        Member reader = member("Reader");
        Member waiting = member("Waiting");
        circulation.borrow(reader.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());
        circulation.giveBack(reader.getId(), book.getId());
        mailsTo(waiting, 1);

        MovableClock.advanceDays(89);
        outbox.prune();
        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).containsExactly("SENT");
        MovableClock.advanceDays(2);
        outbox.prune();
        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).isEmpty();
    }

    @Test
    void aReturnRolledBackMakesNoNotice() throws Exception {
        Book book = book("Rolled Back", 1);
        Member reader = member("Reader");
        Member waiting = member("Waiting");
        circulation.borrow(reader.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());

        transaction.begin();
        try {
            circulation.giveBack(reader.getId(), book.getId()); // the copy is set aside for the hold, in this transaction
        } finally {
            transaction.rollback();
        }
        sender.round();

        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).isEmpty();
        assertThat(mailsTo(waiting)).isEmpty();
        assertThat(members.borrowedBooks(reader.getId())).as("the return was rolled back").extracting(Book::getId)
                .containsExactly(book.getId());
    }

    @Test
    void theDigestMailsEachMemberOncePerDayWithTheirOverdueAndDueSoonLoansAndReadyHolds() throws Exception {
        // another test's moved clock may have let the timer mark a later day done
        forgetTheDigestRun();
        Book early = book("Borrowed Early", 1);
        Book later = book("Borrowed Later", 1);
        Book reserved = book("Reserved", 1);
        Member member = member("Digest Dora");
        Member other = member("Other");
        Loan first = circulation.borrow(member.getId(), early.getId());
        MovableClock.advanceDays(10);
        Loan second = circulation.borrow(member.getId(), later.getId());
        // the first loan 8 days overdue, the second due in 2 days; at 08:00, after the digest hour
        LocalDate day = first.getDueOn().plusDays(8);
        assertThat(second.getDueOn()).isEqualTo(day.plusDays(2));
        MovableClock.reset(); // the days moved on so far would count on top of the stopped clock
        MovableClock.stopAt(day.atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        circulation.borrow(other.getId(), reserved.getId());
        circulation.placeHold(member.getId(), reserved.getId());
        circulation.giveBack(other.getId(), reserved.getId()); // ready for Dora

        makeTheDaysDigests(day);
        // the run again from its start, as after an instance stopped before it marked the day done:
        // the members it reached already get no second digest
        forgetTheDigestRun();
        makeTheDaysDigests(day);

        List<String> keys = rows("SELECT notice_key FROM notices WHERE member_id = ? AND kind = 'DIGEST'", member.getId());
        assertThat(keys).containsExactly("digest:" + day);
        MimeMessage digest = until(() -> mailsTo(member).stream().anyMatch(this::isDigest), () -> mailsTo(member)).stream()
                .filter(this::isDigest).findFirst().orElseThrow();
        assertThat(digest.getSubject()).isEqualTo("Library: 1 loan overdue, 1 loan due soon, 1 hold ready to pick up");
        String text = part(digest, "text/plain");
        assertThat(text).contains("Overdue: please bring these back", "\u201CBorrowed Early\u201D", "(8 days ago)",
                "Due soon", "\u201CBorrowed Later\u201D", "Ready for you at the desk", "\u201CReserved\u201D", "pick up by");
        assertThat(text.indexOf("Borrowed Early")).isLessThan(text.indexOf("Borrowed Later"));
        assertThat(part(digest, "text/html")).contains("<h3>Overdue: please bring these back</h3>", "<strong>Borrowed Later</strong>");
        sender.round();
        assertThat(mailsTo(member).stream().filter(this::isDigest)).as("one digest a day").hasSize(1);
    }

    @Test
    void aMailServerThatIsDownDelaysTheNoticeShowsInHealthAndTheNoticeGoesOnceItIsBack() throws Exception {
        smtp.stop();
        Book book = book("Server Down", 1);
        Member reader = member("Reader");
        Member waiting = member("Patient");
        circulation.borrow(reader.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());

        circulation.giveBack(reader.getId(), book.getId()); // the return itself does not wait for, nor fail with, the mail server
        sender.round();

        until(() -> !rows("SELECT last_error FROM notices WHERE member_id = ? AND attempts > 0", waiting.getId()).isEmpty(), () -> null);
        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).containsExactly("PENDING");
        HealthCheckResponse failing = health.call();
        assertThat(failing.getStatus()).as("a mail server down leaves the instance ready").isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(failing.getData().orElseThrow()).containsEntry("mail", "failing");

        smtp = new GreenMail(new ServerSetup(Integer.getInteger("library.mail.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MovableClock.advance(Duration.ofMinutes(1)); // past the first backoff
        sender.round();

        assertThat(mailsTo(waiting, 1)).hasSize(1);
        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", waiting.getId())).containsExactly("SENT");
        assertThat(rows("SELECT attempts FROM notices WHERE member_id = ?", waiting.getId())).containsExactly("2");
    }

    @Test
    void aMemberWhoSwitchedNoticesOffGetsNone() throws Exception {
        Book book = book("Unwanted", 1);
        Member reader = member("Reader");
        Member quiet = member("Quiet");
        members.setNotices(quiet.getId(), false);
        circulation.borrow(reader.getId(), book.getId());
        circulation.placeHold(quiet.getId(), book.getId());

        circulation.giveBack(reader.getId(), book.getId());
        sender.round();

        assertThat(rows("SELECT state FROM notices WHERE member_id = ?", quiet.getId())).isEmpty();
        assertThat(mailsTo(quiet)).isEmpty();
    }

    /** The run's row as a library that never made a digest has it. */
    private void forgetTheDigestRun() {
        update("UPDATE notice_runs SET done_day = NULL, running_day = NULL, after_member = 0, lease_owner = NULL, "
                + "lease_until = NULL WHERE name = 'digest'");
    }

    private void makeTheDaysDigests(LocalDate day) throws Exception {
        sender.makeDigests();
        // the timer of the instance may have taken the run: it is the day's either way
        until(() -> rows("SELECT done_day FROM notice_runs WHERE name = 'digest'", null)
                .contains(day.toString()), () -> null);
    }

    private boolean isDigest(MimeMessage mail) {
        try {
            return mail.getSubject().contains("overdue") || mail.getSubject().contains("due soon");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Book book(String title, int copies) {
        Author author = catalog.createAuthor(new AuthorData("Author of " + title, null, null));
        return catalog.createBook(new BookData(Isbn.of(TestData.isbn()), title, 2001, copies, author.getId()));
    }

    private Member member(String name) {
        return members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), name, EmailAddress.of(TestData.email(name)),
                null, null));
    }

    private List<MimeMessage> mailsTo(Member member) {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                Address[] recipients = mail.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> ((InternetAddress) a).getAddress().equals(member.getEmail()))) {
                    to.add(mail);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    /** Waits (sending rounds meanwhile) until {@code count} messages reached the member. */
    private List<MimeMessage> mailsTo(Member member, int count) throws Exception {
        return until(() -> mailsTo(member).size() >= count, () -> mailsTo(member));
    }

    private <T> T until(BooleanSupplier done, java.util.function.Supplier<T> then) throws Exception {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            Thread.sleep(100);
            if (i % 10 == 9) {
                sender.round();
            }
        }
        assertThat(done.getAsBoolean()).as("happened within 10 s").isTrue();
        return then.get();
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart alternatives = (Multipart) mail.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType(type)) {
                assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private void update(String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(String sql, Long memberId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (memberId != null) {
                query.setLong(1, memberId);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1) == null ? null : result.getString(1).strip());
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
