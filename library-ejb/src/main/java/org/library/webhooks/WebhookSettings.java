package org.library.webhooks;

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
 * How long a webhook delivery is retried before it gives up ({@value #RETRY_HOURS}, a MicroProfile
 * Config property, default {@value #DEFAULT_RETRY_HOURS} hours, from 1 to {@value #MAX_RETRY_HOURS}),
 * read as text ({@link org.library.platform.SettingValues} says why) and checked when the
 * application starts: a value refused stops the deployment. A delivery that gives up disables its
 * endpoint (docs/events.md).
 */
@ApplicationScoped
public class WebhookSettings {

    static final String RETRY_HOURS = "library.webhooks.retry-hours";

    static final int DEFAULT_RETRY_HOURS = 24;

    /** A week: longer, and a receiver gone for good keeps its queue growing for nothing. */
    static final int MAX_RETRY_HOURS = 168;

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

    @Inject
    @ConfigProperty(name = RETRY_HOURS, defaultValue = "" + DEFAULT_RETRY_HOURS)
    String retryHours;

    private Duration retry;

    @PostConstruct
    void check() {
        try {
            retry = retryFor(retryHours);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage()); // Payara reports the failed deployment without this cause
            throw e;
        }
    }

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Webhook deliveries are retried for " + retry);
    }

    /** @throws IllegalArgumentException naming the setting when the text is no whole number of hours in range */
    static Duration retryFor(String hours) {
        int value = wholeNumber(RETRY_HOURS, hours);
        if (value < 1 || value > MAX_RETRY_HOURS) {
            throw new IllegalArgumentException(RETRY_HOURS + " must be between 1 and " + MAX_RETRY_HOURS + " (hours), was " + value);
        }
        return Duration.ofHours(value);
    }

    /** How long after its event a delivery is still tried. */
    public Duration retry() {
        return retry;
    }
}
