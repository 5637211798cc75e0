package org.library.accounts;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.library.platform.Settings;

/**
 * Counts failed logins in a transaction of their own, so that the count stays even when the
 * caller's transaction rolls back (a wrong current password when changing it is refused, and its
 * refusal rolls back, but the attempt must still count). Single-row SQL updates: concurrent
 * attempts neither lose a count nor fail on the account's version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginAttempts {

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

    @PersistenceContext
    private EntityManager em;

    public void failed(long accountId, Instant now) {
        int limit = Settings.get("library.login.max-failures").map(Integer::parseInt).orElse(5);
        Duration lock = Duration.ofMinutes(Settings.get("library.login.lock-minutes").map(Long::parseLong).orElse(15L));
        em.createQuery("UPDATE Account a SET a.failedLogins = a.failedLogins + 1 WHERE a.id = :id")
                .setParameter("id", accountId).executeUpdate();
        int locked = em.createQuery("UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = :until "
                        + "WHERE a.id = :id AND a.failedLogins >= :limit")
                .setParameter("until", now.plus(lock)).setParameter("id", accountId).setParameter("limit", limit)
                .executeUpdate();
        if (locked > 0) {
            LOG.warning(() -> "Account " + accountId + " locked for " + lock.toMinutes() + " min after "
                    + limit + " failed logins in a row.");
        } else {
            LOG.info(() -> "Login refused: wrong password for account " + accountId + ".");
        }
    }

    public void succeeded(long accountId) {
        em.createQuery("UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = NULL WHERE a.id = :id")
                .setParameter("id", accountId).executeUpdate();
    }
}
