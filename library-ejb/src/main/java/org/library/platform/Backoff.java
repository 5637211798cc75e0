package org.library.platform;

import java.time.Duration;

/**
 * When to try a failed delivery (a webhook, an e-mail) again: {@value #FIRST_SECONDS} s after the first failure, twice as
 * long after each further one, at most {@link #CAP}; each delay stretched by a random part of up to
 * half of it (jitter), so that the deliveries an outage failed together do not all return together
 * when the receiver comes back.
 */
public final class Backoff {

    public static final long FIRST_SECONDS = 10;

    public static final Duration CAP = Duration.ofHours(1);

    private Backoff() {
    }

    /**
     * @param failures the failed attempts so far, at least 1
     * @param random   a number in [0, 1), the jitter
     */
    public static Duration after(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("no delay before a first failure");
        }
        long base = failures > 20 ? CAP.toMillis() : Math.min(CAP.toMillis(), FIRST_SECONDS * 1000L << (failures - 1));
        return Duration.ofMillis(base + (long) (base * 0.5 * random));
    }
}
