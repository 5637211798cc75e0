package org.library.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.library.circulation.Hold;
import org.library.circulation.Loan;

/**
 * A calendar feed as iCalendar text (RFC 5545): one all-day event per open loan on its due date
 * ("Due: title") and per ready hold on its pickup deadline ("Pick up by: title"). Written by hand
 * rather than with a library (ical4j would bring itself and the four jars it needs into the
 * application for these few lines), and so with the rules spelled out: CRLF line ends, content lines folded at 75
 * octets without splitting a UTF-8 character, and commas, semicolons, backslashes and line breaks
 * in text escaped. The tests read the feed back with ical4j.
 *
 * <p>Each event's UID names the loan or the hold and the library's host, so that a calendar
 * application recognises it on the next poll and moves it when a renewal changes the due date
 * (SEQUENCE is the loan's renewals).
 *
 * <p>No METHOD: that is for iTIP messages (scheduling), which would want an ORGANIZER on each
 * event; a subscribed feed is none. A member with nothing out and no hold ready gets a calendar
 * without events, which RFC 5545's grammar does not foresee (at least one component) but calendar
 * applications and parsers read as what it is, an empty calendar; an invented event would be worse.
 */
public final class ICalendarText {

    static final String CRLF = "\r\n";
    static final int MAX_LINE_OCTETS = 75;

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder();

    private ICalendarText() {
    }

    /**
     * @param host the library's host name, for the events' UIDs
     * @param now  the DTSTAMP of every event: when this feed was made
     */
    public static String of(CalendarFeed feed, String host, Instant now) {
        ICalendarText calendar = new ICalendarText();
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line("PRODID:-//Library//Due dates//EN");
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("X-WR-CALNAME:" + escape("Library: due dates"));
        for (Loan loan : feed.openLoans()) {
            calendar.event("loan-" + loan.getId() + "@" + host, loan.getRenewals(), loan.getDueOn(), now,
                    "Due: " + loan.getBook().getTitle(), "Return or renew “" + loan.getBook().getTitle() + "” by this day.");
        }
        for (Hold hold : feed.readyHolds()) {
            calendar.event("hold-" + hold.getId() + "@" + host, 0, hold.getPickupBy(), now,
                    "Pick up by: " + hold.getBook().getTitle(), "A copy of “" + hold.getBook().getTitle()
                            + "” is set aside for you until the end of this day.");
        }
        calendar.line("END:VCALENDAR");
        return calendar.text.toString();
    }

    private void event(String uid, int sequence, LocalDate day, Instant now, String summary, String description) {
        line("BEGIN:VEVENT");
        line("UID:" + escape(uid));
        line("DTSTAMP:" + UTC.format(now));
        line("SEQUENCE:" + sequence);
        line("DTSTART;VALUE=DATE:" + DATE.format(day));
        line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line("SUMMARY:" + escape(summary));
        line("DESCRIPTION:" + escape(description));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }

    /** TEXT values (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(c < 0x20 || c == 0x7f ? ' ' : c); // other controls are not allowed in TEXT
            }
        }
        return escaped.toString();
    }

    /** A content line, folded (RFC 5545, 3.1): at most 75 octets a line, continuation lines begin with a space. */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                text.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_LINE_OCTETS - 1; // the leading space counts
            }
            text.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        text.append(CRLF);
    }
}
