package org.library.testing;

import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * For in-container tests that call the services directly: each test works as a librarian, as a
 * request of a logged-in librarian would (the services check their callers' roles themselves).
 * Work on threads of the test's own needs {@link #run} there.
 */
public class ActingAsStaff implements BeforeEachCallback, AfterEachCallback {

    /** The identity of the tests: a librarian that is no account. */
    public static final Identity STAFF = new Identity("it-staff", Set.of(Roles.STAFF));

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ActingAsStaff.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("scope", Identity.enter(STAFF));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Identity.Scope scope = context.getStore(NAMESPACE).remove("scope", Identity.Scope.class);
        if (scope != null) {
            scope.close();
        }
    }

    /** {@code work} as staff, on a thread that is not the test's. */
    public static <T> java.util.concurrent.Callable<T> run(java.util.concurrent.Callable<T> work) {
        return () -> {
            try (Identity.Scope ignored = Identity.enter(STAFF)) {
                return work.call();
            }
        };
    }
}
