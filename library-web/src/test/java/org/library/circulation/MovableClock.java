package org.library.circulation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.library.platform.ClockProducer;

/**
 * A clock the tests move forward (days pass in an instant) or stop at a given instant in a given
 * zone, replacing the application's clock in the test deployment as a CDI alternative. Unless
 * stopped, it runs in the library's zone ({@code library.time-zone}), as the application's does.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class MovableClock {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile Clock stopped;

    @Produces
    @ApplicationScoped
    Clock clock(ClockProducer library) {
        return new Movable(library.zone(), null);
    }

    private static final class Movable extends Clock {

        private final ZoneId libraryZone;
        /** A zone asked for with {@link #withZone}, else null: the stopped clock's or the library's. */
        private final ZoneId zone;

        Movable(ZoneId libraryZone, ZoneId zone) {
            this.libraryZone = libraryZone;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            Clock at = stopped;
            return zone != null ? zone : at != null ? at.getZone() : libraryZone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Movable(libraryZone, other);
        }

        @Override
        public Instant instant() {
            Clock at = stopped;
            return (at != null ? at.instant() : Instant.now()).plus(offset);
        }
    }

    public static void advanceDays(long days) {
        offset = offset.plusDays(days);
    }

    public static void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Time stands still at {@code instant}, and the library's zone is {@code zone}, until {@link #reset()}. */
    public static void stopAt(Instant instant, ZoneId zone) {
        stopped = Clock.fixed(instant, zone);
    }

    public static void reset() {
        offset = Duration.ZERO;
        stopped = null;
    }
}
