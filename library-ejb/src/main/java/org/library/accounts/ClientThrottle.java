package org.library.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address, whatever the user name: a client past
 * {@link LoginSettings#clientFailures()} failures must wait before each further try, 1 s, then
 * 2 s, 4 s … up to {@link #LONGEST_WAIT}, answered at once without a password check. This is what
 * stops one address from trying many names (which the per-name count of {@link LoginThrottle}
 * does not), and what keeps a flood of wrong passwords from one place from costing PBKDF2 each.
 * A client that stops failing for {@link #FORGOTTEN_AFTER} starts afresh.
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

    private record State(int failures, long lastFailure, long blockedUntil) {
    }

    private final Map<String, State> clients = new ConcurrentHashMap<>();

    @Inject
    LoginSettings settings;

    /** Until when the client must wait before its next try, if it must. */
    public Optional<Instant> blockedUntil(String client, Instant now) {
        State state = clients.get(client);
        return state != null && state.blockedUntil() > now.toEpochMilli()
                ? Optional.of(Instant.ofEpochMilli(state.blockedUntil())) : Optional.empty();
    }

    /** Counts a failed login of the client; past the limit, it waits before the next one. */
    public void failed(String client, Instant now) {
        long at = now.toEpochMilli();
        if (clients.size() >= CAPACITY && !clients.containsKey(client)) {
            forgetIdle(at);
            if (clients.size() >= CAPACITY) {
                return; // more addresses failing at once than kept: the gate on password checks still bounds the cost
            }
        }
        clients.compute(client, (key, state) -> {
            int failures = state == null || at - state.lastFailure() > FORGOTTEN_AFTER.toMillis() ? 1 : state.failures() + 1;
            int over = failures - settings.clientFailures();
            long wait = over <= 0 ? 0 : Math.min(1000L << Math.min(over - 1, 30), LONGEST_WAIT.toMillis());
            return new State(failures, at, at + wait);
        });
    }

    private void forgetIdle(long now) {
        clients.entrySet().removeIf(e -> e.getValue().blockedUntil() <= now
                && now - e.getValue().lastFailure() > Duration.ofMinutes(1).toMillis());
        if (clients.size() >= CAPACITY) {
            clients.entrySet().removeIf(e -> e.getValue().blockedUntil() <= now); // a flood of addresses: keep the waiting ones
        }
    }
}
