package org.library.accounts;

import java.time.Duration;

/**
 * The values of the login settings, checked: every one is a count or a time of at least 1, and
 * a refusal names the setting, for the operator who set it.
 *
 * @param maxFailures      {@value #MAX_FAILURES}
 * @param lockMinutes      {@value #LOCK_MINUTES}
 * @param clientFailures   {@value #CLIENT_FAILURES}
 * @param concurrentChecks {@value #CONCURRENT_CHECKS}
 */
record LoginRules(int maxFailures, int lockMinutes, int clientFailures, int concurrentChecks) {

    static final String MAX_FAILURES = "library.login.max-failures";
    static final String LOCK_MINUTES = "library.login.lock-minutes";
    static final String CLIENT_FAILURES = "library.login.client-failures";
    static final String CONCURRENT_CHECKS = "library.login.concurrent-checks";

    /** The longest a client is ever blocked from a user name. */
    static final Duration LONGEST_BLOCK = Duration.ofDays(1);

    /** @throws IllegalArgumentException naming the first setting whose value is refused */
    LoginRules {
        positive(MAX_FAILURES, maxFailures);
        positive(LOCK_MINUTES, lockMinutes);
        positive(CLIENT_FAILURES, clientFailures);
        positive(CONCURRENT_CHECKS, concurrentChecks);
    }

    /** Half the processors, at least one: a flood of logins never takes the CPU from everything else. */
    static int defaultConcurrentChecks(int processors) {
        return Math.max(1, processors / 2);
    }

    /**
     * How long a client is blocked from a user name after {@code failures} failures in a row: the
     * first block ({@code lockMinutes}) doubled with every block before it, at most a day.
     */
    Duration block(int failures) {
        int earlierBlocks = Math.max(0, failures / maxFailures - 1);
        Duration block = Duration.ofMinutes(lockMinutes).multipliedBy(1L << Math.min(earlierBlocks, 20));
        return block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
