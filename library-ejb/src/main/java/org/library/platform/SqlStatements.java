package org.library.platform;

/**
 * How many SQL statements the persistence provider sent on the current thread, so that
 * "a list request runs at most two statements" is something a test and the benchmark can read
 * rather than believe. Fed by {@link SqlStatementCounter}.
 */
public final class SqlStatements {

    private static final ThreadLocal<long[]> CURRENT_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private SqlStatements() {
    }

    static void count() {
        CURRENT_THREAD.get()[0]++;
    }

    /** Starts counting the statements of the current thread's work (e.g. one HTTP request) from 0. */
    public static void resetCurrentThread() {
        CURRENT_THREAD.get()[0] = 0;
    }

    public static long currentThread() {
        return CURRENT_THREAD.get()[0];
    }
}
