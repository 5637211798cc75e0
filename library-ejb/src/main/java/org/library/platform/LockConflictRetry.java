package org.library.platform;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a front door's method (a resource method, a page's action) again when the database aborted
 * the transaction of the service it called
 * for a lock conflict (SQLState class 40: a deadlock victim, a lock wait timeout, or Derby's
 * identity generator on {@code loans} under many concurrent borrowers, 40XL1), or for a natural
 * key another transaction took between the service's look-up and its insert
 * ({@link KeyTakenMeanwhileException}). Such a transaction was rolled back whole, so calling the
 * service again is safe, and it is what the client would do
 * with the 503 it gets otherwise. Outside any transaction: the front door's method is not one,
 * each service call is; so the binding belongs on the callers of services, never on a service.
 * Serializable, because the pages' view-scoped beans it intercepts are.
 */
@Interceptor
@RetriedOnLockConflict
@Priority(Interceptor.Priority.APPLICATION)
public class LockConflictRetry implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The first call and two more. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(LockConflictRetry.class.getName());

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        return calling(call.getMethod().getName(), call::proceed);
    }

    /** One service call: a transaction of its own, so that calling it again is safe. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {

        T call() throws E;
    }

    /**
     * Calls {@code attempt} again, as the binding does, for work the library does by itself (its
     * timers' rounds), which has no front door to carry the binding: the first call and two more.
     *
     * @param name what is called, for the log
     */
    public static <T, E extends Exception> T calling(String name, Attempt<T, E> attempt) throws E {
        for (int made = 1; ; made++) {
            try {
                return attempt.call();
            } catch (Exception e) {
                if (made == ATTEMPTS || !(SqlStates.isTransientConflict(e) || e instanceof KeyTakenMeanwhileException)) {
                    throw e;
                }
                int attemptMade = made;
                LOG.fine(() -> name + " met a lock conflict; calling again (attempt " + (attemptMade + 1) + ")");
                try {
                    // a few milliseconds apart, so that the transactions that met do not meet again
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * made));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt(); // the server stops: no further attempt
                    throw e;
                }
            }
        }
    }
}
