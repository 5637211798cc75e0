package org.library.accounts;

import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How hard logging in is made for a guesser, in one place: MicroProfile Config properties (a JVM
 * system property such as {@code -Dlibrary.login.max-failures=5}, the environment variable
 * {@code LIBRARY_LOGIN_MAX_FAILURES}, …), read as text ({@link org.library.platform.SettingValues}
 * says why) and checked ({@link LoginRules}) once, when the
 * application starts: a value refused stops the deployment.
 */
@ApplicationScoped
public class LoginSettings {

    private static final Logger LOG = Logger.getLogger(LoginSettings.class.getName());

    @Inject
    @ConfigProperty(name = LoginRules.MAX_FAILURES, defaultValue = "5")
    String maxFailures;

    @Inject
    @ConfigProperty(name = LoginRules.LOCK_MINUTES, defaultValue = "15")
    String lockMinutes;

    @Inject
    @ConfigProperty(name = LoginRules.CLIENT_FAILURES, defaultValue = "10")
    String clientFailures;

    /** No constant default: it depends on the machine. */
    @Inject
    @ConfigProperty(name = LoginRules.CONCURRENT_CHECKS)
    Optional<String> concurrentChecks;

    private LoginRules rules;

    @PostConstruct
    void check() {
        try {
            rules = new LoginRules(wholeNumber(LoginRules.MAX_FAILURES, maxFailures),
                    wholeNumber(LoginRules.LOCK_MINUTES, lockMinutes), wholeNumber(LoginRules.CLIENT_FAILURES, clientFailures),
                    concurrentChecks.map(text -> wholeNumber(LoginRules.CONCURRENT_CHECKS, text))
                            .orElseGet(() -> LoginRules.defaultConcurrentChecks(Runtime.getRuntime().availableProcessors())));
        } catch (IllegalArgumentException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Makes the bean, and so checks the settings, when the application starts rather than at the first login. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Login rules: " + rules);
    }

    /** Failed logins in a row of one client at one user name before that client is blocked from it. */
    public int maxFailures() {
        return rules.maxFailures();
    }

    /**
     * How long a client is blocked from a user name after {@code failures} failures in a row: the
     * first block ({@code library.login.lock-minutes}) doubled with every block before it, at most a day.
     */
    public Duration block(int failures) {
        return rules.block(failures);
    }

    /**
     * Failed logins of one client address, at any user names, before it must wait between tries:
     * enough for the typos of a household or an office behind one address, too few for spraying.
     */
    public int clientFailures() {
        return rules.clientFailures();
    }

    /**
     * Password checks (PBKDF2, deliberately slow) that run at once: by default half the processors,
     * so that a flood of logins can never take the CPU from everything else.
     */
    public int concurrentChecks() {
        return rules.concurrentChecks();
    }
}
