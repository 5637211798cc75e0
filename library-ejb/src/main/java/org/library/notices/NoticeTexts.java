package org.library.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The words of the library's e-mails, each as plain text and as HTML (the two parts of one
 * message): pure functions of what is to be said, so that their shape is tested without a server.
 * Every value that comes from a record (a member's name, a title) is escaped in the HTML part.
 */
final class NoticeTexts {

    /**
     * The most lines a section lists, and the longest title and author name it shows: with them,
     * a message fits its columns ({@code notices.text_body}, {@code html_body}) whatever the
     * records hold; the member's page lists the rest.
     */
    static final int SECTION_LINES = 8;
    static final int TITLE_SHOWN = 100;
    static final int AUTHOR_SHOWN = 60;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private NoticeTexts() {
    }

    /** A loan as a notice names it. */
    record DueLoan(String title, String author, LocalDate dueOn) {
    }

    /** A hold whose copy waits for the member. */
    record ReadyHold(String title, String author, LocalDate pickupBy) {
    }

    /** One message: its subject, its plain-text part and its HTML part. */
    record Message(String subject, String text, String html) {
    }

    /** Where the member reads their loans and holds, for the link every notice ends with. */
    static String myLoans(String publicUrl, long memberId) {
        return publicUrl + "/member.xhtml?id=" + memberId;
    }

    /**
     * The daily digest: loans due within the coming days, overdue loans, and holds ready to pick
     * up, in one message.
     */
    static Message digest(String library, String memberName, LocalDate today, List<DueLoan> overdue, List<DueLoan> dueSoon,
                          List<ReadyHold> ready, String link) {
        List<String> parts = new java.util.ArrayList<>();
        if (!overdue.isEmpty()) {
            parts.add(overdue.size() + (overdue.size() == 1 ? " loan overdue" : " loans overdue"));
        }
        if (!dueSoon.isEmpty()) {
            parts.add(dueSoon.size() + (dueSoon.size() == 1 ? " loan due soon" : " loans due soon"));
        }
        if (!ready.isEmpty()) {
            parts.add(ready.size() + (ready.size() == 1 ? " hold ready to pick up" : " holds ready to pick up"));
        }
        String subject = bounded(library + ": " + String.join(", ", parts));
        StringBuilder text = new StringBuilder("Dear ").append(memberName).append(",\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
                .append("<p>Dear ").append(escape(memberName)).append(",</p>");
        section(text, html, "Overdue: please bring these back", overdue.stream()
                .map(l -> new String[] {l.title(), l.author(), "was due " + DAY.format(l.dueOn()) + " ("
                        + days(ChronoUnit.DAYS.between(l.dueOn(), today)) + " ago)"}).toList());
        section(text, html, "Due soon", dueSoon.stream()
                .map(l -> new String[] {l.title(), l.author(), "due " + (l.dueOn().equals(today) ? "today, " : "") + DAY.format(l.dueOn())})
                .toList());
        section(text, html, "Ready for you at the desk", ready.stream()
                .map(h -> new String[] {h.title(), h.author(), "pick up by " + DAY.format(h.pickupBy())}).toList());
        end(text, html, library, link);
        return new Message(subject, text.toString(), html.toString());
    }

    /** "Your hold is ready": a copy is set aside for the member until {@code pickupBy}. */
    static Message holdReady(String library, String memberName, ReadyHold ready, String link) {
        ReadyHold hold = new ReadyHold(shortened(ready.title(), TITLE_SHOWN), shortened(ready.author(), AUTHOR_SHOWN), ready.pickupBy());
        String subject = bounded(library + ": \u201C" + hold.title() + "\u201D is ready for you");
        StringBuilder text = new StringBuilder("Dear ").append(memberName).append(",\n\n")
                .append("a copy of \u201C").append(hold.title()).append("\u201D by ").append(hold.author())
                .append(" is set aside for you. Please pick it up at the desk by ").append(DAY.format(hold.pickupBy()))
                .append("; after that day it goes to the next member waiting, or back to the shelf.\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
                .append("<p>Dear ").append(escape(memberName)).append(",</p>")
                .append("<p>a copy of <strong>").append(escape(hold.title())).append("</strong> by ").append(escape(hold.author()))
                .append(" is set aside for you. Please pick it up at the desk by <strong>").append(DAY.format(hold.pickupBy()))
                .append("</strong>; after that day it goes to the next member waiting, or back to the shelf.</p>");
        end(text, html, library, link);
        return new Message(subject, text.toString(), html.toString());
    }

    private static void section(StringBuilder text, StringBuilder html, String heading, List<String[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(heading).append(":\n");
        html.append("<h3>").append(escape(heading)).append("</h3><ul>");
        for (String[] line : lines.subList(0, Math.min(lines.size(), SECTION_LINES))) {
            String title = shortened(line[0], TITLE_SHOWN);
            String author = shortened(line[1], AUTHOR_SHOWN);
            text.append("  - \u201C").append(title).append("\u201D by ").append(author).append(", ").append(line[2]).append('\n');
            html.append("<li><strong>").append(escape(title)).append("</strong> by ").append(escape(author)).append(", ")
                    .append(escape(line[2])).append("</li>");
        }
        if (lines.size() > SECTION_LINES) {
            String more = "and " + (lines.size() - SECTION_LINES) + " more, on your loans page";
            text.append("  - ").append(more).append('\n');
            html.append("<li>").append(more).append("</li>");
        }
        text.append('\n');
        html.append("</ul>");
    }

    private static void end(StringBuilder text, StringBuilder html, String library, String link) {
        text.append("Your loans and holds: ").append(link).append("\n\n")
                .append("You can renew loans there, and switch these e-mails off on your account page.\n\n")
                .append(library).append('\n');
        html.append("<p><a href=\"").append(escape(link)).append("\">Your loans and holds</a></p>")
                .append("<p style=\"color: #555\">You can renew loans there, and switch these e-mails off on your account page.</p>")
                .append("<p>").append(escape(library)).append("</p></body></html>");
    }

    private static String shortened(String value, int length) {
        return value.length() > length ? value.substring(0, length - 1) + "\u2026" : value;
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** A subject fits its column, and a header on one line. */
    private static String bounded(String subject) {
        String line = subject.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 200 ? line.substring(0, 199) + "\u2026" : line;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
