package org.library.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write days and moments ({@code #{dates.timeOf(hold.placedAt)}}), in one place:
 * an instant in the library's time zone, the clock's ({@code library.time-zone}), which also
 * decides due dates, never in the zone of the server's JVM. Blank for no value.
 */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    Clock clock;

    /** e.g. {@code 15 Nov 2026} */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** e.g. {@code Sunday 15 November 2026}, for a sentence */
    public String longDay(LocalDate day) {
        return day == null ? "" : LONG_DAY.format(day);
    }

    /** The library's day of an instant, e.g. {@code 25 Oct 2026} */
    public String dayOf(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    /** The library's date and time of an instant, e.g. {@code 25 Oct 2026, 02:10} */
    public String timeOf(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }
}
