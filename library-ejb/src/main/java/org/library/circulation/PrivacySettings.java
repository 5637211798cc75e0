package org.library.circulation;

import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a returned loan keeps its member ({@value #LOAN_HISTORY_MONTHS}, a MicroProfile Config
 * property, default {@value #DEFAULT_LOAN_HISTORY_MONTHS} months, at least one, at most
 * {@value #MAX_LOAN_HISTORY_MONTHS}), read as text ({@link org.library.platform.SettingValues}
 * says why) and checked when the application starts: a value refused stops the deployment.
 */
@ApplicationScoped
public class PrivacySettings {

    static final String LOAN_HISTORY_MONTHS = "library.privacy.loan-history-months";

    static final int DEFAULT_LOAN_HISTORY_MONTHS = 18;

    /** A hundred years: beyond it a typo, not a policy. */
    static final int MAX_LOAN_HISTORY_MONTHS = 1200;

    private static final Logger LOG = Logger.getLogger(PrivacySettings.class.getName());

    @Inject
    @ConfigProperty(name = LOAN_HISTORY_MONTHS, defaultValue = "" + DEFAULT_LOAN_HISTORY_MONTHS)
    String loanHistoryMonths;

    private int months;

    @PostConstruct
    void check() {
        try {
            months = loanHistoryMonths(loanHistoryMonths);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage()); // Payara reports the failed deployment without this cause
            throw e;
        }
    }

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Returned loans keep their member for " + months + " months");
    }

    /** @throws IllegalArgumentException naming the setting when the text is no whole number of months in range */
    static int loanHistoryMonths(String text) {
        int value = wholeNumber(LOAN_HISTORY_MONTHS, text);
        if (value < 1 || value > MAX_LOAN_HISTORY_MONTHS) {
            throw new IllegalArgumentException(LOAN_HISTORY_MONTHS + " must be between 1 and " + MAX_LOAN_HISTORY_MONTHS
                    + " (months), was " + value);
        }
        return value;
    }

    public int loanHistoryMonths() {
        return months;
    }
}
