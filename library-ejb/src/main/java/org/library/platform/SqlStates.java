package org.library.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a database failure means, from the SQLStates in its chain of causes (standard SQL classes,
 * plus the states Derby and PostgreSQL use where the standard has none): the one place that tells
 * a broken rule from a lost race from a database that does not answer.
 */
public final class SqlStates {

    /** Class 23: integrity constraint violation. */
    private static final String INTEGRITY = "23";

    /** Class 40: the database rolled the transaction back (deadlock victim, lock wait timeout). */
    private static final String ROLLED_BACK = "40";

    /** Class 08: connection exception (no connection, connection lost, cannot connect). */
    private static final String CONNECTION = "08";

    /**
     * The database is down or refuses work for the moment: Derby's database not booted, shut down,
     * or failing to start (XJ004, XJ015, XJ040, and its whole-database shutdown 45000 raised with
     * the state 08006 in its chain); PostgreSQL shutting down, crashed, starting, or out of
     * connections (57P01–57P03, 53300).
     */
    private static final Set<String> UNAVAILABLE = Set.of("XJ004", "XJ015", "XJ040", "57P01", "57P02", "57P03", "53300",
            // a statement embedded Derby was running while the database shut down finds its table's or
            // index's storage gone ("Container 1216 not found"); the schema drops none while it runs
            "XSCH1", "XSCB1", "40XD2",
            // or its result set closed under it, between the query and the reading of its rows ("ResultSet
            // not open"): the application reads every result set it opens before closing it (DatabaseOutageIT)
            "XCL16");

    private SqlStates() {
    }

    /** The integrity violation in the chain (UNIQUE, FK, CHECK, NOT NULL), if there is one. */
    public static Optional<SQLException> integrityViolation(Throwable failure) {
        return first(failure, state -> state.startsWith(INTEGRITY));
    }

    /** Whether the database rolled the transaction back for a lock conflict: nothing changed, trying again may work. */
    public static boolean isTransientConflict(Throwable failure) {
        return first(failure, state -> state.startsWith(ROLLED_BACK)).isPresent();
    }

    /**
     * Whether the database did not answer at all: no connection, or a database that is stopped or
     * starting. Nothing changed; the request may be sent again once the database is back.
     */
    public static boolean isUnavailable(Throwable failure) {
        if (first(failure, state -> state.startsWith(CONNECTION) || UNAVAILABLE.contains(state)).isPresent()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // the server's connection pool says so in words: it found no connection to give
            if (t.getMessage() != null && t.getMessage().contains("Error in allocating a connection")) {
                return true;
            }
            // a statement embedded Derby was running when the database shut down: XJ001, "Java
            // exception: ': org.apache.derby.shared.common.error.ShutdownException'", its cause
            // not always kept in the chain
            if (t.getClass().getName().equals(DERBY_SHUTDOWN)
                    || t instanceof SQLException sql && "XJ001".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains(DERBY_SHUTDOWN)) {
                return true;
            }
            // or it failed inside Derby's storage, torn down under it (a null page of its page cache:
            // "Cannot invoke \"org.apache.derby.iapi.store.raw.Page.getAuxObject()\" ...", or of its
            // allocation map: "...impl.store.raw.data.AllocPage.canAddFreePage(long)..."), as with
            // XSCH1 above; a Java exception elsewhere in Derby is still a bug
            if (t instanceof SQLException sql && "XJ001".equals(sql.getSQLState())
                    && DERBY_STORE.stream().anyMatch(String.valueOf(sql.getMessage())::contains)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final String DERBY_SHUTDOWN = "org.apache.derby.shared.common.error.ShutdownException";

    /** The packages of Derby's storage layer, its interfaces and their implementation (AllocPage, ...). */
    private static final List<String> DERBY_STORE = List.of("org.apache.derby.iapi.store.", "org.apache.derby.impl.store.");

    /**
     * Whether the connection failed during the commit itself (the server's transaction manager
     * reports an {@link javax.transaction.xa.XAException} from the resource): the database may or
     * may not have made the change before the connection went, and nobody here can tell which.
     * Ask {@link #isUnavailable} first: a failure there happened before anything was committed.
     */
    public static boolean isCommitOutcomeUnknown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.transaction.xa.XAException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Optional<SQLException> first(Throwable failure, java.util.function.Predicate<String> state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && state.test(e.getSQLState())) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
