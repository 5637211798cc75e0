package org.library.changes;

import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the change log keeps its entries ({@value #RETENTION_DAYS}, a MicroProfile Config
 * property, default {@value #DEFAULT_RETENTION_DAYS} days, at least one), read as text
 * ({@link org.library.platform.SettingValues} says why) and checked when the application starts:
 * a value refused stops the deployment. It bounds how long a feed reader may stay away, and how
 * far back a record's history reaches.
 */
@ApplicationScoped
public class ChangeSettings {

    static final String RETENTION_DAYS = "library.changes.retention-days";

    static final int DEFAULT_RETENTION_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(ChangeSettings.class.getName());

    @Inject
    @ConfigProperty(name = RETENTION_DAYS, defaultValue = "" + DEFAULT_RETENTION_DAYS)
    String retentionDays;

    private int retention;

    @PostConstruct
    void check() {
        try {
            retention = retentionDays(retentionDays);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage()); // Payara reports the failed deployment without this cause
            throw e;
        }
    }

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Change log entries are kept for " + retention + " days");
    }

    /** @throws IllegalArgumentException naming the setting when the text is no whole number of days, at least 1 */
    static int retentionDays(String days) {
        int value = wholeNumber(RETENTION_DAYS, days);
        if (value < 1) {
            throw new IllegalArgumentException(RETENTION_DAYS + " must be at least 1 (days), was " + value);
        }
        return value;
    }

    public int retentionDays() {
        return retention;
    }
}
