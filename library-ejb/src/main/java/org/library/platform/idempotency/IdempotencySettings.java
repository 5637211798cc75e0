package org.library.platform.idempotency;

import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long idempotency keys are kept ({@value #RETENTION_HOURS}, a MicroProfile Config property,
 * default and least {@value #MIN_RETENTION_HOURS} hours), read as text
 * ({@link org.library.platform.SettingValues} says why) and checked once, when the application
 * starts: a value refused stops the deployment.
 */
@ApplicationScoped
public class IdempotencySettings {

    static final String RETENTION_HOURS = "library.idempotency.retention-hours";

    /** A day: a client's retries of one request (after a timeout, a restart, a night's outage) come within it. */
    static final int MIN_RETENTION_HOURS = 24;

    private static final Logger LOG = Logger.getLogger(IdempotencySettings.class.getName());

    @Inject
    @ConfigProperty(name = RETENTION_HOURS, defaultValue = "" + MIN_RETENTION_HOURS)
    String retentionHours;

    private Duration retention;

    @PostConstruct
    void check() {
        try {
            retention = retention(retentionHours);
        } catch (IllegalArgumentException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Makes the bean, and so checks the setting, when the application starts rather than at the first key. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Idempotency keys are kept for " + retention);
    }

    /** @throws IllegalArgumentException naming the setting when the text is no whole number of at least a day's hours */
    static Duration retention(String hours) {
        int value = wholeNumber(RETENTION_HOURS, hours);
        if (value < MIN_RETENTION_HOURS) {
            throw new IllegalArgumentException(RETENTION_HOURS + " must be at least " + MIN_RETENTION_HOURS
                    + " (hours), was " + value);
        }
        return Duration.ofHours(value);
    }

    /** How long a key and its answer are kept after the request that claimed it. */
    public Duration retention() {
        return retention;
    }
}
