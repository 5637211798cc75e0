package org.library.platform.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who the service layer is working for, on this thread: set by the web layer for each request
 * from what Jakarta Security authenticated, and explicitly by code that works for nobody in
 * particular (timers, start-up, background imports) as {@link #SYSTEM}. The services' own access
 * check ({@link AccessGuard}) reads it, so that no front door — REST, the pages, a future one — can
 * reach a service without its rule being checked, whatever it forgot.
 *
 * @param name  the account's user name, or {@code system}
 * @param roles its roles ({@link Roles})
 */
public record Identity(String name, Set<String> roles) {

    /** The library itself: timers, start-up, work that outlives its request. Staff rights. */
    public static final Identity SYSTEM = new Identity("system", Set.of(Roles.STAFF));

    private static final ThreadLocal<Identity> CURRENT = new ThreadLocal<>();

    public Identity {
        roles = Set.copyOf(roles);
    }

    /** Who the current thread works for, if anyone. */
    public static Optional<Identity> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Works for {@code identity} until the scope is closed, which restores whom the thread worked
     * for before: {@code try (Identity.Scope s = Identity.enter(...)) { ... }}.
     */
    public static Scope enter(Identity identity) {
        Identity before = CURRENT.get();
        CURRENT.set(identity);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** Runs {@code work} for {@code identity}. */
    public static void run(Identity identity, Runnable work) {
        try (Scope ignored = enter(identity)) {
            work.run();
        }
    }

    /** Runs {@code work} for {@code identity} and answers its result. */
    public static <T> T call(Identity identity, java.util.function.Supplier<T> work) {
        try (Scope ignored = enter(identity)) {
            return work.get();
        }
    }

    /**
     * Whether this identity has one of the roles or scopes. Staff hold every scope: stated here,
     * in the one rule every check asks (the services' {@link AccessGuard} and the API's filter), rather
     * than by giving each librarian's login the scopes as groups too, which every other identity
     * with staff rights (timers, start-up, tests' identities) would then have to repeat.
     */
    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role) || roles.contains(Roles.STAFF) && Roles.SCOPES.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The span during which a thread works for an identity. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
