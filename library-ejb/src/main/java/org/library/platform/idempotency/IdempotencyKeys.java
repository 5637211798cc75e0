package org.library.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.library.platform.AccessDeniedException;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.InstallationSecrets;
import org.library.platform.InstallationSecretsMigration;
import org.library.platform.SqlStates;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * The idempotency keys of POST requests ({@code idempotency_keys}), each scoped to the caller the
 * thread works for ({@link Identity}): a request claims its key by inserting the row, in a
 * transaction of its own that commits before the request runs, so that of any number of requests
 * with one key, on any number of instances, exactly one runs; the others find the row. The one
 * that ran records its answer ({@link #complete}), or gives the key back when it failed without
 * effect ({@link #release}). Each method is a transaction of its own, never the caller's: the
 * claim must be visible to the other instances before the request runs, and the answer recorded
 * whatever the request did.
 *
 * <p>The protocol around these steps (wait for a request in progress, compare, replay) is the
 * REST API's ({@code org.library.web.api.IdempotentPosts}); this class keeps the rows.
 */
@Stateless
@Guarded
@Allowed(Roles.ANYONE) // any caller may use keys; each sees only its own (caller())
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    /**
     * How long a retry waits for the first request with its key to answer before it is told that
     * one is in progress. Long enough for any request but an import; short, because a waiting
     * retry holds one of the server's few request threads.
     */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * How long a request may run before a retry with its key is told that its outcome is unknown
     * (its instance most likely stopped before recording the answer) instead of waiting for it.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);

    /** Rows deleted per transaction when old keys are pruned, so that no pruning holds many locks long. */
    static final int PRUNE_BATCH = 500;

    /** At most this many batches an hour: a backlog goes over a few hours rather than in one long run. */
    static final int PRUNE_BATCHES = 200;

    /** Labels the key of the fingerprints, derived from the installation's secret, apart from that secret's other uses. */
    private static final byte[] FINGERPRINT_LABEL = "idempotency-request-fingerprint".getBytes(StandardCharsets.US_ASCII);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

    private static volatile byte[] fingerprintKey;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private InstallationSecrets secrets;

    @Inject
    private IdempotencySettings settings;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    /**
     * Claims the key for a request to {@code method} and {@code path}.
     *
     * @return {@code true} when this request holds the key now and is to run; {@code false} when
     *         the key is recorded already ({@link #existing} tells how)
     */
    public boolean claim(IdempotencyKey key, String method, String path) {
        if (path.length() > IdempotencyRecord.PATH_LENGTH) {
            throw new InvalidInputException(List.of(new FieldViolation(IdempotencyKey.HEADER, "cannot be used on a path "
                    + "(its query included) longer than " + IdempotencyRecord.PATH_LENGTH + " characters")));
        }
        IdempotencyRecord.Id id = id(key);
        if (em.find(IdempotencyRecord.class, id) != null) {
            return false; // a retry, most often: asked first, so that only a true race meets the primary key (logged by the JPA provider)
        }
        em.persist(new IdempotencyRecord(id, method, path, clock.millis()));
        try {
            em.flush();
            return true;
        } catch (PersistenceException taken) {
            if (SqlStates.integrityViolation(taken).isEmpty()) {
                throw taken;
            }
            // the primary key: another request claimed it first. This transaction is spoiled
            // (PostgreSQL aborts it) and rolls back; the caller reads the row in a new one.
            return false;
        }
    }

    /**
     * The caller's record of the key, if it has one that has not expired; an expired one is
     * deleted here, so that the key can be claimed again.
     */
    public Optional<KeyedRequest> existing(IdempotencyKey key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id(key));
        if (record == null) {
            return Optional.empty();
        }
        if (record.createdAt() < cutoff()) {
            em.remove(record);
            return Optional.empty();
        }
        return Optional.of(record.snapshot());
    }

    /**
     * Records the answer of the request that holds the key, with its fingerprint; only its status
     * when it does not fit ({@link StoredAnswer#fits}).
     */
    public void complete(IdempotencyKey key, String requestHash, StoredAnswer answer) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id(key));
        if (record != null && record.state() == KeyedRequest.State.IN_PROGRESS) {
            record.complete(requestHash, answer, clock.millis());
        }
    }

    /** Records that the request that holds the key was answered with a body too large to keep. */
    public void completeUnkept(IdempotencyKey key, String requestHash, int status) {
        complete(key, requestHash, new StoredAnswer(status, null, null, false));
    }

    /** Gives the key back: the request that held it failed without effect, and a retry is to run afresh. */
    public void release(IdempotencyKey key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id(key));
        if (record != null && record.state() == KeyedRequest.State.IN_PROGRESS) {
            em.remove(record);
        }
    }

    /** A fingerprint to feed with a request's body as it is read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RequestFingerprint fingerprint(String contentType) {
        byte[] key = fingerprintKey;
        if (key == null) {
            try {
                Mac derive = Mac.getInstance("HmacSHA256");
                derive.init(new SecretKeySpec(secrets.secret(InstallationSecretsMigration.LOGIN_KEYS), "HmacSHA256"));
                key = derive.doFinal(FINGERPRINT_LABEL);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
            fingerprintKey = key;
        }
        return new RequestFingerprint(key, contentType);
    }

    /** Keys older than the retention go, the oldest first, in batches of their own transactions. */
    @Schedule(hour = "*", minute = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void prune() {
        long cutoff = cutoff();
        IdempotencyKeys self = context.getBusinessObject(IdempotencyKeys.class);
        long pruned = 0;
        for (int batch = 0; batch < PRUNE_BATCHES; batch++) {
            int deleted = self.pruneBatch(cutoff);
            pruned += deleted;
            if (deleted < PRUNE_BATCH) {
                break;
            }
        }
        long total = pruned;
        if (total > 0) {
            LOG.fine(() -> total + " expired idempotency key(s) pruned.");
        }
    }

    /**
     * Deletes the oldest keys created before {@code cutoff}: those up to the
     * {@value #PRUNE_BATCH}-th oldest one's time (a few more when several share it).
     *
     * @return how many went
     */
    public int pruneBatch(long cutoff) {
        List<Long> oldest = em.createQuery("SELECT r.createdAt FROM IdempotencyRecord r WHERE r.createdAt < :cutoff "
                        + "ORDER BY r.createdAt", Long.class)
                .setParameter("cutoff", cutoff).setMaxResults(PRUNE_BATCH).getResultList();
        if (oldest.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt <= :last AND r.createdAt < :cutoff")
                .setParameter("last", oldest.get(oldest.size() - 1)).setParameter("cutoff", cutoff).executeUpdate();
    }

    private long cutoff() {
        return clock.millis() - settings.retention().toMillis();
    }

    /** The key as the caller's: its user name (or token id), hashed when longer than the column. */
    private static IdempotencyRecord.Id id(IdempotencyKey key) {
        String caller = Identity.current().map(Identity::name)
                .orElseThrow(() -> new AccessDeniedException("Log in first: an idempotency key belongs to a caller."));
        if (caller.length() > IdempotencyRecord.CALLER_LENGTH) {
            caller = "sha256:" + sha256(caller);
        }
        return new IdempotencyRecord.Id(caller, key.value());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
