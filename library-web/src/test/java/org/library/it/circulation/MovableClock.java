package org.library.it.circulation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock the tests move forward (days pass in an instant), replacing the application's clock in
 * the test deployment as a CDI alternative.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class MovableClock {

    private static volatile Duration offset = Duration.ZERO;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.systemDefault();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }

    public static void advanceDays(long days) {
        offset = offset.plusDays(days);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }
}
