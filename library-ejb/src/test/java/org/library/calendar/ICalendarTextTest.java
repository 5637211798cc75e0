package org.library.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.library.catalog.Book;
import org.library.catalog.Isbn;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;

/** The iCalendar text's own rules (RFC 5545, 3.1 and 3.3.11); CalendarApiIT reads whole feeds with ical4j. */
class ICalendarTextTest {

    private static final Instant NOW = Instant.parse("2026-11-29T09:30:00Z");

    private static String feedWith(String title) {
        Member member = new Member(MemberNumber.of("M000123"), "Reader", EmailAddress.of("reader@example.org"), LocalDate.of(2026, 1, 1));
        Book book = new Book(Isbn.of("9780306406157"), title, null, 1);
        Loan loan = new Loan(member, book, NOW, LocalDate.of(2026, 12, 20));
        return ICalendarText.of(new CalendarFeed(List.of(loan), List.of()), "library.example.org", NOW);
    }

    @Test
    void everyLineEndsWithCrLfAndHasAtMost75Octets() {
        String text = feedWith("Ünïcödé ".repeat(30) + "— a title far longer than one line of a calendar file may be");

        assertThat(text).endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        List<String> lines = Arrays.asList(text.split("\r\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines).filteredOn(line -> line.startsWith(" ")).hasSizeGreaterThan(3);
    }

    @Test
    void foldingNeverSplitsACharacterAndUnfoldsToTheValue() {
        String title = "Ünïcödé ".repeat(30) + "😀 end";
        String text = feedWith(title);

        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Due: " + title + "\r\n");
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void textValuesEscapeCommasSemicolonsBackslashesAndLineBreaks() {
        assertThat(ICalendarText.escape("a,b;c\\d\ne\r\nf\rg")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf\\ng");
        assertThat(ICalendarText.escape("tab\there")).isEqualTo("tab here");
        assertThat(feedWith("Dogs, Cats; and\\Mice")).contains("SUMMARY:Due: Dogs\\, Cats\\; and\\\\Mice\r\n");
    }

    @Test
    void aLoanIsAnAllDayEventOnItsDueDate() {
        String text = feedWith("Short");

        assertThat(text).contains("DTSTART;VALUE=DATE:20261220\r\n").contains("DTEND;VALUE=DATE:20261221\r\n")
                .contains("DTSTAMP:20261129T093000Z\r\n").contains("SEQUENCE:0\r\n").contains("BEGIN:VEVENT\r\n")
                .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    }
}
