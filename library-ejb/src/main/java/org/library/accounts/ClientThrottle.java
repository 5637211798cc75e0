package org.library.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Password checks per client address, whatever the user name. Each check is counted when it
 * starts, so that a client sending many at once gets no more than {@link LoginSettings#clientFailures()}
 * through; past that many failures, the client must wait before each further try, 1 s, then 2 s,
 * 4 s … up to {@link #LONGEST_WAIT}, and is answered at once, without a password check, meanwhile.
 * This stops one address from trying many names (which the per-name count of {@link LoginThrottle}
 * does not), and keeps a flood of wrong passwords from one place from costing PBKDF2 each. A
 * client that stops failing for {@link #FORGOTTEN_AFTER} starts afresh.
 *
 * <p>Kept in memory, per instance: it guards this instance's processors, and it must cost nothing
 * on the request path. At most {@link #CAPACITY} addresses are kept; when full, the ones that
 * neither wait nor failed lately go first, and beyond that new addresses are not counted (the
 * number of password checks at once is bounded anyway, see {@link Logins}).
 */
@ApplicationScoped
public class ClientThrottle {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);
    static final int CAPACITY = 100_000;

    /**
     * @param failures     failed checks since the client last went quiet for {@link #FORGOTTEN_AFTER}
     * @param running      checks started and not finished
     * @param last         when the client last started or failed a check (epoch ms)
     * @param blockedUntil when the client may try again (epoch ms), 0 if it need not wait
     */
    private record State(int failures, int running, long last, long blockedUntil) {
    }

    private final Map<String, State> clients = new ConcurrentHashMap<>();

    @Inject
    LoginSettings settings;

    /** Until when the client must wait before its next try, if it must (nothing is counted). */
    public Optional<Instant> blockedUntil(String client, Instant now) {
        State state = clients.get(client);
        return state != null && state.blockedUntil() > now.toEpochMilli()
                ? Optional.of(Instant.ofEpochMilli(state.blockedUntil())) : Optional.empty();
    }

    /**
     * Counts a password check of the client as started, unless it must wait: within the allowance
     * checks run side by side; past it, one at a time, each after its wait.
     *
     * @return until when the client must wait, or empty when the check may start (then call
     *         {@link #finished})
     */
    public Optional<Instant> start(String client, Instant now) {
        long at = now.toEpochMilli();
        if (clients.size() >= CAPACITY && !clients.containsKey(client)) {
            forgetIdle(at);
            if (clients.size() >= CAPACITY) {
                return Optional.empty(); // more addresses failing at once than kept: the gate on checks still bounds the cost
            }
        }
        AtomicReference<Instant> wait = new AtomicReference<>();
        clients.compute(client, (key, state) -> {
            State current = state == null || state.running() == 0 && at - state.last() > FORGOTTEN_AFTER.toMillis()
                    ? new State(0, 0, at, 0) : state;
            if (current.blockedUntil() > at) {
                wait.set(Instant.ofEpochMilli(current.blockedUntil()));
                return current;
            }
            boolean pastAllowance = current.failures() + current.running() >= settings.clientFailures();
            if (pastAllowance && current.running() > 0) {
                wait.set(now.plusSeconds(1)); // past the allowance: one check at a time
                return current;
            }
            return new State(current.failures(), current.running() + 1, at, current.blockedUntil());
        });
        return Optional.ofNullable(wait.get());
    }

    /** A check that {@link #start} let run has ended; a failure past the allowance makes the client wait. */
    public void finished(String client, boolean failed, Instant now) {
        long at = now.toEpochMilli();
        clients.computeIfPresent(client, (key, state) -> {
            int failures = state.failures() + (failed ? 1 : 0);
            int over = failures - settings.clientFailures();
            long blockedUntil = failed && over >= 0
                    ? at + Math.min(1000L << Math.min(over, 30), LONGEST_WAIT.toMillis()) : state.blockedUntil();
            return new State(failures, Math.max(0, state.running() - 1), failed ? at : state.last(), blockedUntil);
        });
    }

    private void forgetIdle(long now) {
        clients.entrySet().removeIf(e -> e.getValue().running() == 0 && e.getValue().blockedUntil() <= now
                && now - e.getValue().last() > Duration.ofMinutes(1).toMillis());
        if (clients.size() >= CAPACITY) {
            clients.entrySet().removeIf(e -> e.getValue().running() == 0 && e.getValue().blockedUntil() <= now);
        }
    }
}
