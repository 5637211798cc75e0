package org.library.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.library.platform.Settings;

/**
 * How hard logging in is made for a guesser, in one place, read once at start-up (JVM system
 * properties or environment variables, see {@link Settings}).
 */
@ApplicationScoped
public class LoginSettings {

    /** The longest a client is ever blocked from a user name. */
    static final Duration LONGEST_BLOCK = Duration.ofDays(1);

    private final int maxFailures = positive("library.login.max-failures", 5);
    private final Duration firstBlock = Duration.ofMinutes(positive("library.login.lock-minutes", 15));
    private final int clientFailures = positive("library.login.client-failures", 10);
    private final int concurrentChecks = positive("library.login.concurrent-checks",
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    /** Failed logins in a row of one client at one user name before that client is blocked from it. */
    public int maxFailures() {
        return maxFailures;
    }

    /**
     * How long a client is blocked from a user name after {@code failures} failures in a row: the
     * first block ({@code library.login.lock-minutes}) doubled with every block before it, at most a day.
     */
    public Duration block(int failures) {
        int earlierBlocks = Math.max(0, failures / maxFailures - 1);
        Duration block = firstBlock.multipliedBy(1L << Math.min(earlierBlocks, 20));
        return block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block;
    }

    /**
     * Failed logins of one client address, at any user names, before it must wait between tries:
     * enough for the typos of a household or an office behind one address, too few for spraying.
     */
    public int clientFailures() {
        return clientFailures;
    }

    /**
     * Password checks (PBKDF2, deliberately slow) that run at once: by default half the processors,
     * so that a flood of logins can never take the CPU from everything else.
     */
    public int concurrentChecks() {
        return concurrentChecks;
    }

    private static int positive(String name, int defaultValue) {
        int value = Settings.get(name).map(Integer::valueOf).orElse(defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }
}
