package org.library.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now" for business rules (loan dates, due dates), so that a test can replace
 * it and move time instead of waiting for it, and of the library's time zone: the clock's zone is
 * the {@code library.time-zone} setting (default: the JVM's zone), in which "today" is decided for
 * due dates and pickup days and in which the pages show times. Instants themselves are stored in
 * UTC ({@link InstantConverter}), so the zone can change without changing a stored value.
 *
 * <p>The clock ticks in milliseconds, the precision the database stores: an instant the
 * application hands out (a new loan's {@code borrowedAt}) is the one it later reads back.
 */
@ApplicationScoped
public class ClockProducer {

    public static final String TIME_ZONE_SETTING = "library.time-zone";

    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

    @Inject
    @ConfigProperty(name = TIME_ZONE_SETTING)
    Optional<String> setting;

    private ZoneId zone;

    @PostConstruct
    void readTheSetting() {
        try {
            zone = zone(setting.map(String::strip).filter(s -> !s.isEmpty()));
        } catch (IllegalStateException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Reads the setting when the application starts, so that a wrong zone id stops the start. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info(() -> "The library's time zone is " + zone + " (" + TIME_ZONE_SETTING + ").");
    }

    /** The library's time zone, as configured. */
    public ZoneId zone() {
        return zone;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tickMillis(zone);
    }

    /**
     * @param setting the value of {@code library.time-zone}, if any: a region id such as
     *                {@code Europe/Berlin}, or an offset such as {@code UTC} or {@code +01:00}
     * @throws IllegalStateException naming the setting when the value is not a zone id
     */
    static ZoneId zone(Optional<String> setting) {
        if (setting.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(setting.get());
        } catch (DateTimeException e) {
            throw new IllegalStateException(TIME_ZONE_SETTING + " must be a time zone id such as Europe/Berlin or UTC, was '"
                    + setting.get() + "': " + e.getMessage(), e);
        }
    }
}
