package org.library.webhooks;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.library.changes.ChangePump;
import org.library.changes.ChangeSettings;
import org.library.changes.RecordType;
import org.library.platform.Backoff;
import org.library.platform.InstallationSecrets;
import org.library.platform.Leases;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * The delivery of webhooks, in the database, so that every instance of a cluster may take part and
 * none loses an event when it stops. Each method is a transaction of its own, called by
 * {@link WebhookSender} on its timer; nothing here runs on a request's thread.
 *
 * <ol>
 * <li>{@link #pump()} turns the change log's new entries into one delivery per matching active
 * endpoint. Its place in the log is the single row of {@code webhook_pump}, locked while it pumps:
 * one instance pumps at a time, and the next starts where it stopped. Like the feed
 * ({@link org.library.changes.ChangeFeed}), it reads the log's head first and then the entries up
 * to it: every position up to the committed head is committed, so the place never passes an entry
 * still to come.</li>
 * <li>{@link #claimDue} leases due deliveries to this instance for {@link #LEASE}
 * ({@code UPDATE … WHERE the lease has expired}: one instance wins each), so that exactly one
 * sends each; an instance killed while sending holds its lease until it expires, and then another
 * instance sends the delivery again. Hence at least once: receivers de-duplicate by the event id.</li>
 * <li>{@link #record} logs the attempt, and marks the delivery delivered, or due again after a
 * backoff ({@link Backoff}), or given up after {@link WebhookSettings#retry()}: then its endpoint is
 * disabled, with the reason, until staff enable it again.</li>
 * </ol>
 */
@Stateless
@Guarded
@Allowed(Roles.STAFF)
public class WebhookDeliveries {

    /** How long an instance may take to send what it claimed: well above the request timeout. */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** The most entries of the change log one pump reads. */
    static final int PUMP_BATCH = 500;

    /** The largest body: the change log's state (16,000 characters at most) and the event around it. */
    static final int BODY_LENGTH = 20_000;

    /** The longest error text an attempt keeps. */
    static final int ERROR_LENGTH = 500;

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());

    private static final ChangePump PUMP = new ChangePump("webhook_pump", "webhook");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WebhookSettings settings;

    @Inject
    private ChangeSettings changeSettings;

    @EJB
    private InstallationSecrets secrets;

    /** An active endpoint as the pump matches entries with it. */
    private record Target(long id, List<String> types, boolean personalData, long startsAfter) {
    }

    /** A delivery leased to this instance, with what sending it needs. */
    public record Claimed(long id, long endpointId, String url, String secret, String eventId, String body, String lease,
                          boolean test) {

        @Override
        public String toString() {
            return "Claimed[" + id + ", " + eventId + " to " + url + "]"; // never the secret
        }
    }

    /**
     * What came of one attempt.
     *
     * @param status the HTTP status; null when no answer came
     * @param error  null when the receiver took it (2xx)
     */
    public record Outcome(Integer status, long latencyMs, String error) {

        public boolean delivered() {
            return error == null;
        }
    }

    /**
     * Each step commits on its own, whatever its caller's transaction: a lease must be seen by the
     * other instances while its delivery is being sent, and the pump's row must not stay locked
     * until a slow receiver answers (a timer callback may run in a transaction of its own).
     *
     * @return the deliveries made
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pump() {
        Optional<ChangePump.Span> claimed = PUMP.claim(em);
        if (claimed.isEmpty()) {
            return 0; // nothing committed since the last pump (an idle library, every second): no lock, no write
        }
        ChangePump.Span span = claimed.get();
        List<Target> targets = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, event_types, personal_data, starts_after FROM webhook_endpoints "
                + "WHERE active = 1").getResultList()) {
            Object[] r = (Object[]) row;
            targets.add(new Target(number(r[0]), r[1] == null ? List.of(WebhookTargets.EVERY_EVENT) : List.of(((String) r[1]).split(" ")),
                    number(r[2]) == 1, number(r[3])));
        }
        long next = span.head();
        int made = 0;
        if (!targets.isEmpty() && span.place() < span.head()) {
            List<?> entries = em.createNativeQuery("SELECT position, record_type, record_id, action, record_version, actor, "
                            + "occurred_at, state FROM changes WHERE position > ? AND position <= ? ORDER BY position")
                    .setParameter(1, span.place()).setParameter(2, span.head()).setMaxResults(PUMP_BATCH).getResultList();
            long now = clock.millis();
            long giveUp = now + settings.retry().toMillis();
            for (Object row : entries) {
                Object[] e = (Object[]) row;
                long position = number(e[0]);
                RecordType type = RecordType.byWireName((String) e[1]).orElseThrow();
                String event = type.wireName() + "." + e[3];
                String state = e[7] == null ? null : e[7].toString();
                for (Target target : targets) {
                    if (position > target.startsAfter() && WebhookTargets.matches(target.types(), event)) {
                        String eventId = WebhookEvents.eventId(position);
                        String body = WebhookEvents.body(eventId, event, Instant.ofEpochMilli(number(e[6])), type, number(e[2]),
                                number(e[4]), (String) e[5], state, target.personalData());
                        em.createNativeQuery("INSERT INTO webhook_deliveries (endpoint_id, change_position, event_id, event_type, "
                                        + "body, state, attempts, created_at, next_attempt_at, give_up_at) "
                                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                                .setParameter(1, target.id()).setParameter(2, position).setParameter(3, eventId)
                                .setParameter(4, event).setParameter(5, body).setParameter(6, now).setParameter(7, now)
                                .setParameter(8, giveUp).executeUpdate();
                        made++;
                    }
                }
            }
            if (entries.size() == PUMP_BATCH) {
                next = number(((Object[]) entries.get(entries.size() - 1))[0]);
            }
        }
        PUMP.moveTo(em, span, next);
        return made;
    }

    /** Leases up to {@code max} due deliveries to this instance; a delivery another instance leased is skipped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claimDue(int max) {
        long now = clock.millis();
        List<?> due = em.createNativeQuery("SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id "
                        + "WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?) "
                        + "AND (e.active = 1 OR d.change_position IS NULL) ORDER BY d.next_attempt_at, d.id")
                .setParameter(1, now).setParameter(2, now).setMaxResults(max).getResultList();
        String lease = Leases.newOwner();
        List<Claimed> claimed = new ArrayList<>();
        for (Object id : due) {
            int won = em.createNativeQuery("UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? "
                            + "WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")
                    .setParameter(1, lease).setParameter(2, now + LEASE.toMillis()).setParameter(3, number(id))
                    .setParameter(4, now).executeUpdate();
            if (won == 1) {
                Object[] r = (Object[]) em.createNativeQuery("SELECT d.id, d.endpoint_id, e.url, e.secret, d.event_id, d.body, "
                                + "d.change_position FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id "
                                + "WHERE d.id = ?")
                        .setParameter(1, number(id)).getSingleResult();
                claimed.add(new Claimed(number(r[0]), number(r[1]), (String) r[2], new SecretBox(secrets.secret(WebhooksMigration.SECRETS_KEY)).open((String) r[3]),
                        (String) r[4], r[5].toString(), lease, r[6] == null));
            }
        }
        return claimed;
    }

    /**
     * Logs the attempt, and moves the delivery on, if this instance still holds its lease (else
     * another instance took it over, and its own attempt decides).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Claimed delivery, Outcome outcome) {
        List<?> found = em.createNativeQuery("SELECT attempts, give_up_at, state, lease_owner FROM webhook_deliveries WHERE id = ?")
                .setParameter(1, delivery.id()).getResultList();
        if (found.isEmpty()) {
            return; // its endpoint was deleted while it was being sent
        }
        Instant now = clock.instant();
        String error = outcome.error() == null ? null : bounded(outcome.error());
        // NULL written as such, not bound: a null parameter has no type PostgreSQL could infer for every column
        List<Object> values = new ArrayList<>(List.of(delivery.id(), delivery.endpointId(), now.toEpochMilli()));
        StringBuilder sql = new StringBuilder("INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempted_at, latency_ms, "
                + "instance, http_status, error) VALUES (?, ?, ?, ?, ?");
        values.add(outcome.latencyMs());
        values.add(bounded(Leases.INSTANCE));
        for (Object optional : new Object[] {outcome.status(), error}) {
            sql.append(optional == null ? ", NULL" : ", ?");
            if (optional != null) {
                values.add(optional);
            }
        }
        var insert = em.createNativeQuery(sql.append(")").toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
        Object[] row = (Object[]) found.get(0);
        if (!"PENDING".equals(row[2]) || !delivery.lease().equals(row[3])) {
            return; // another instance took it over when this one's lease ran out: its own attempt decides
        }
        int attempts = (int) number(row[0]) + 1;
        long giveUpAt = number(row[1]);
        if (outcome.delivered()) {
            finish(delivery, attempts, "DELIVERED", now);
        } else if (delivery.test() || now.toEpochMilli() >= giveUpAt) {
            if (finish(delivery, attempts, "GAVE_UP", now) && !delivery.test()) {
                disable(delivery, attempts, error, now);
            }
        } else {
            long retry = Math.min(giveUpAt, now.plus(Backoff.after(attempts, ThreadLocalRandom.current().nextDouble())).toEpochMilli());
            em.createNativeQuery("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, lease_owner = NULL, "
                            + "lease_until = NULL WHERE id = ? AND lease_owner = ?")
                    .setParameter(1, attempts).setParameter(2, retry).setParameter(3, delivery.id())
                    .setParameter(4, delivery.lease()).executeUpdate();
        }
    }

    /** @return whether this instance still held it, and so finished it */
    private boolean finish(Claimed delivery, int attempts, String state, Instant now) {
        return em.createNativeQuery("UPDATE webhook_deliveries SET state = ?, attempts = ?, finished_at = ?, lease_owner = NULL, "
                        + "lease_until = NULL WHERE id = ? AND lease_owner = ?")
                .setParameter(1, state).setParameter(2, attempts).setParameter(3, now.toEpochMilli()).setParameter(4, delivery.id())
                .setParameter(5, delivery.lease()).executeUpdate() == 1;
    }

    /** The endpoint stops getting events; a version bump, so that staff editing it meanwhile get a 412, not an overwrite. */
    private void disable(Claimed delivery, int attempts, String error, Instant now) {
        String reason = "event " + delivery.eventId() + " could not be delivered in " + attempts + " attempts over "
                + settings.retry().toHours() + " h; the last: " + error;
        int disabled = em.createNativeQuery("UPDATE webhook_endpoints SET active = 0, disabled_at = ?, disabled_reason = ?, "
                        + "version = version + 1 WHERE id = ? AND active = 1")
                .setParameter(1, now.toEpochMilli())
                .setParameter(2, reason.length() > WebhookEndpoint.REASON_LENGTH ? reason.substring(0, WebhookEndpoint.REASON_LENGTH) : reason)
                .setParameter(3, delivery.endpointId()).executeUpdate();
        if (disabled == 1) {
            LOG.warning(() -> "Webhook endpoint " + delivery.endpointId() + " (" + delivery.url() + ") is disabled: " + reason);
        }
    }

    /** Removes the finished deliveries (and their attempts) older than the change log keeps its entries. */
    public int prune() {
        long cutoff = clock.instant().minus(Duration.ofDays(changeSettings.retentionDays())).toEpochMilli();
        return em.createNativeQuery("DELETE FROM webhook_deliveries WHERE state <> 'PENDING' AND finished_at < ?")
                .setParameter(1, cutoff).executeUpdate();
    }

    private static String bounded(String text) {
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH - 1) + "…" : text;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
