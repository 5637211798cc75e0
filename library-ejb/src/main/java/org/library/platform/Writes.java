package org.library.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flushes inside the service method, so that what only the database can decide — a UNIQUE index
 * hit by a concurrent insert, a version changed by a concurrent update — surfaces as a business
 * exception with a clear message, instead of as a system exception at commit.
 */
public final class Writes {

    private Writes() {
    }

    /** Flushes; any integrity violation becomes an {@link IntegrityConflictException}. */
    public static void flush(EntityManager em, String kind, Object id) {
        flush(em, kind, id, constraint -> new IntegrityConflictException(kind, id));
    }

    /**
     * @param kind       what is written, for the stale-version message
     * @param id         its id, for the stale-version message
     * @param onConflict maps the name of the violated constraint (upper case, may be empty) to
     *                   the business exception to throw
     */
    public static void flush(EntityManager em, String kind, Object id,
                             Function<String, ? extends LibraryException> onConflict) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(kind, id);
        } catch (PersistenceException e) {
            Optional<SQLException> violation = SqlStates.integrityViolation(e);
            if (violation.isPresent()) {
                throw onConflict.apply(String.valueOf(violation.get().getMessage()).toUpperCase(java.util.Locale.ROOT));
            }
            throw e;
        }
    }
}
