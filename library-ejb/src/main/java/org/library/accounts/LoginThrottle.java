package org.library.accounts;

import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.library.platform.InstallationSecrets;
import org.library.platform.InstallationSecretsMigration;

/**
 * The guesses one client may make at one user name ({@code login_failures}): every guess that
 * needs a password check is counted before the check, in a transaction of its own, and every
 * {@link LoginSettings#maxFailures()}-th one in a row blocks that client from that name for a
 * while, twice as long each time ({@link LoginSettings#block(int)}). A success forgets the client's
 * failures.
 *
 * <p>Counting before checking, with a compare-and-set on the count, is what makes N failures mean N
 * guesses: requests that arrive together each take their own number, and the one that reaches the
 * limit sets the block before its password is even checked, so that no request beyond it is
 * checked however many run at once, on however many instances. Per client rather than per
 * account: a stranger's failures block the stranger, never the owner (user names are card
 * numbers, which anyone can guess). Known and unknown user names are counted alike, so that a
 * block tells nothing about which names exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@Guarded
@Allowed(Roles.ADMINISTRATION)
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** How a guess went: allowed, blocked until a time, or raced by another request (ask again). */
    public record Reservation(Instant blockedUntil, boolean raced) {

        static final Reservation ALLOWED = new Reservation(null, false);
        static final Reservation RACED = new Reservation(null, true);

        public boolean allowed() {
            return blockedUntil == null && !raced;
        }
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private InstallationSecrets secrets;

    @Inject
    private LoginSettings settings;

    @Inject
    private Clock clock;

    /**
     * Counts one guess of {@code client} at {@code username} (and one failed login of the account,
     * should it exist, for staff to see), unless the client is blocked from that name.
     */
    @Allowed(Roles.ANYONE)
    public Reservation reserve(String username, String client, Instant now) {
        LoginFailure.Key key = new LoginFailure.Key(key("name", username), key("client", client));
        LoginFailure row = em.find(LoginFailure.class, key);
        int failures;
        if (row == null) {
            failures = 1;
            em.persist(new LoginFailure(key, blockAfter(failures, now), now.toEpochMilli()));
            try {
                em.flush();
            } catch (PersistenceException raced) {
                // the same client's other request inserted the row first: this transaction is
                // spoiled (PostgreSQL aborts it), so the caller asks again, in a new one
                return Reservation.RACED;
            }
        } else {
            if (row.blockedUntil() != null && row.blockedUntil() > now.toEpochMilli()) {
                return new Reservation(Instant.ofEpochMilli(row.blockedUntil()), false);
            }
            failures = row.failures() + 1;
            int counted = em.createQuery("UPDATE LoginFailure f SET f.failures = :failures, f.blockedUntil = :until, "
                            + "f.lastFailureAt = :now WHERE f.key.name = :name AND f.key.client = :client AND f.failures = :before")
                    .setParameter("failures", failures).setParameter("until", blockAfter(failures, now))
                    .setParameter("now", now.toEpochMilli()).setParameter("name", key.name()).setParameter("client", key.client())
                    .setParameter("before", row.failures())
                    .executeUpdate();
            if (counted == 0) {
                return Reservation.RACED;
            }
        }
        em.createQuery("UPDATE Account a SET a.failedLogins = a.failedLogins + 1 WHERE a.username = :username")
                .setParameter("username", username).executeUpdate();
        int counted = failures;
        if (counted % settings.maxFailures() == 0) {
            LOG.warning(() -> "A client is blocked from one user name for " + settings.block(counted).toMinutes()
                    + " min after " + counted + " failed logins in a row.");
        }
        return Reservation.ALLOWED;
    }

    /**
     * Until when this client is blocked from this name, if it is. Asked before anything else about
     * a login, including a password this instance verified before: a blocked client gets no answer
     * about any password, or it could keep guessing against that cheap check.
     */
    @Allowed(Roles.ANYONE)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> blockedUntil(String username, String client, Instant now) {
        LoginFailure row = em.find(LoginFailure.class, new LoginFailure.Key(key("name", username), key("client", client)));
        return row == null || row.blockedUntil() == null || row.blockedUntil() <= now.toEpochMilli()
                ? Optional.empty() : Optional.of(Instant.ofEpochMilli(row.blockedUntil()));
    }

    /** The guess was right: the client's failures at this name are forgotten, and the account's count. */
    @Allowed(Roles.ANYONE)
    public void succeeded(String username, String client) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.key.name = :name AND f.key.client = :client")
                .setParameter("name", key("name", username)).setParameter("client", key("client", client)).executeUpdate();
        em.createQuery("UPDATE Account a SET a.failedLogins = 0 WHERE a.username = :username AND a.failedLogins > 0")
                .setParameter("username", username).executeUpdate();
    }

    /** Staff set a new password: every client's failures at this name are forgotten, and their blocks lifted. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forgetAll(String username) {
        em.createNativeQuery("DELETE FROM login_failures WHERE name_key = ?").setParameter(1, key("name", username)).executeUpdate();
    }

    /** Clients blocked from this name now, for staff to see on the account. */
    public long blockedClients(String username) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM login_failures WHERE name_key = ? AND blocked_until > ?")
                .setParameter(1, key("name", username)).setParameter(2, clock.millis()).getSingleResult()).longValue();
    }

    /** Rows a day past their last failure and no longer blocking go: the table stays as small as the day's failures. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    void prune() {
        long now = clock.millis();
        int pruned = em.createNativeQuery("DELETE FROM login_failures WHERE last_failure_at < ? "
                        + "AND (blocked_until IS NULL OR blocked_until < ?)")
                .setParameter(1, now - Duration.ofDays(1).toMillis()).setParameter(2, now).executeUpdate();
        if (pruned > 0) {
            LOG.fine(() -> pruned + " old failed-login record(s) pruned.");
        }
    }

    private Long blockAfter(int failures, Instant now) {
        return failures % settings.maxFailures() == 0 ? now.plus(settings.block(failures)).toEpochMilli() : null;
    }

    /** A keyed hash of a user name or client address: what is typed never lands in the table as typed. */
    private String key(String kind, String value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secrets.secret(InstallationSecretsMigration.LOGIN_KEYS), "HmacSHA256"));
            hmac.update(kind.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Base64.getEncoder().encodeToString(hmac.doFinal(Optional.ofNullable(value).orElse("").getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
