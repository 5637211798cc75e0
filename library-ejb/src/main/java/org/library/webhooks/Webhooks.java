package org.library.webhooks;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.library.changes.ChangeLog;
import org.library.platform.FieldViolation;
import org.library.platform.InstallationSecrets;
import org.library.platform.InvalidInputException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SortOrder;
import org.library.platform.StaleVersionException;
import org.library.platform.Writes;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Webhook endpoints, managed by staff: made (the secret is answered once), listed with their
 * state, changed, disabled and enabled again, deleted; a test event sent on request; the attempts
 * to deliver to each listed. Delivering itself is {@link WebhookDeliveries}' work, off every
 * request thread.
 */
@Stateless
@Guarded
@Allowed(Roles.ADMINISTRATION)
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    public static final Map<String, String> SORTS = Map.of("url", "e.url", "createdAt", "e.createdAt");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WebhookSettings settings;

    @EJB
    private InstallationSecrets secrets;

    /**
     * Makes an endpoint; it gets the events of the changes committed after this one.
     *
     * @throws InvalidInputException for a URL that is none, or not http(s), or too long, or unknown event types
     */
    public IssuedEndpoint create(EndpointData data) {
        List<String> types = valid(data);
        String secret = WebhookSignatures.generate();
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(data.url().strip(), box().seal(secret), types,
                Boolean.TRUE.equals(data.personalData()), head(), actor(), now);
        if (Boolean.FALSE.equals(data.active())) {
            endpoint.disable("made inactive by " + actor(), now);
        }
        em.persist(endpoint);
        em.flush();
        LOG.info(() -> "Webhook endpoint " + endpoint.getId() + " (" + endpoint.getUrl() + ") made by " + actor() + ".");
        return new IssuedEndpoint(endpoint, secret);
    }

    public Page<WebhookEndpoint> endpoints(PageRequest request, SortOrder sort) {
        return new PagedQuery<>(WebhookEndpoint.class, "SELECT e FROM WebhookEndpoint e", "SELECT e.id FROM WebhookEndpoint e")
                .page(em, request, sort.toJpql(SORTS, "e.id"));
    }

    public WebhookEndpoint endpoint(long id) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null) {
            throw new RecordNotFoundException("webhook endpoint", id);
        }
        return endpoint;
    }

    /**
     * Replaces what staff set of an endpoint. Making it active again resumes it: its pending
     * deliveries are tried at once, and retried for the full time again.
     *
     * @param expectedVersion the version the change is based on; null: any
     * @throws StaleVersionException when it was changed since (by staff, or disabled by failing deliveries)
     */
    public WebhookEndpoint update(long id, Long expectedVersion, EndpointData data) {
        List<String> types = valid(data);
        WebhookEndpoint endpoint = endpoint(id);
        StaleVersionException.check("webhook endpoint", id, endpoint.getVersion(), expectedVersion);
        endpoint.change(data.url().strip(), types, Boolean.TRUE.equals(data.personalData()));
        if (data.active() != null) {
            activate(endpoint, data.active());
        }
        Writes.flush(em, "webhook endpoint", id);
        return endpoint;
    }

    /** Makes it active or inactive, whatever else it is; see {@link #update}. */
    public WebhookEndpoint setActive(long id, Long expectedVersion, boolean active) {
        WebhookEndpoint endpoint = endpoint(id);
        StaleVersionException.check("webhook endpoint", id, endpoint.getVersion(), expectedVersion);
        activate(endpoint, active);
        Writes.flush(em, "webhook endpoint", id);
        return endpoint;
    }

    private void activate(WebhookEndpoint endpoint, boolean active) {
        if (active && !endpoint.isActive()) {
            endpoint.enable();
            Instant now = clock.instant();
            int resumed = em.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = ?, give_up_at = ? "
                            + "WHERE endpoint_id = ? AND state = 'PENDING'")
                    .setParameter(1, now.toEpochMilli()).setParameter(2, now.plus(settings.retry()).toEpochMilli())
                    .setParameter(3, endpoint.getId()).executeUpdate();
            LOG.info(() -> "Webhook endpoint " + endpoint.getId() + " enabled by " + actor() + "; " + resumed
                    + " pending deliveries resume.");
        } else if (!active && endpoint.isActive()) {
            endpoint.disable("disabled by " + actor(), clock.instant());
        }
    }

    /** Deletes the endpoint with its deliveries and their attempts. */
    public void delete(long id, Long expectedVersion) {
        WebhookEndpoint endpoint = endpoint(id);
        StaleVersionException.check("webhook endpoint", id, endpoint.getVersion(), expectedVersion);
        em.remove(endpoint);
        Writes.flush(em, "webhook endpoint", id);
    }

    /**
     * Queues a test event ({@value WebhookEvents#TEST}) to the endpoint, active or not, sent within
     * a second or so like every event, tried once, never disabling the endpoint: its attempt shows
     * whether the receiver takes the library's requests.
     *
     * @return the event's id, to find its attempt in {@link #attempts}
     */
    public String sendTest(long id) {
        WebhookEndpoint endpoint = endpoint(id);
        Instant now = clock.instant();
        String eventId = "test_" + UUID.randomUUID();
        em.createNativeQuery("INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, state, attempts, "
                        + "created_at, next_attempt_at, give_up_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .setParameter(1, endpoint.getId()).setParameter(2, eventId).setParameter(3, WebhookEvents.TEST)
                .setParameter(4, WebhookEvents.testBody(eventId, now, actor(), endpoint.getId()))
                .setParameter(5, now.toEpochMilli()).setParameter(6, now.toEpochMilli()).setParameter(7, now.toEpochMilli())
                .executeUpdate();
        return eventId;
    }

    /** The attempts to deliver to the endpoint, newest first. */
    public Page<DeliveryAttempt> attempts(long id, PageRequest request) {
        endpoint(id);
        List<?> rows = em.createNativeQuery("SELECT a.id, a.delivery_id, d.event_id, d.event_type, a.attempted_at, a.http_status, "
                        + "a.latency_ms, a.error, d.state FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                        + "WHERE a.endpoint_id = ? ORDER BY a.attempted_at DESC, a.id DESC")
                .setParameter(1, id).setFirstResult(request.offset()).setMaxResults(request.size() + 1).getResultList();
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (Object each : rows.subList(0, Math.min(rows.size(), request.size()))) {
            Object[] row = (Object[]) each;
            attempts.add(new DeliveryAttempt(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], Instant.ofEpochMilli(((Number) row[4]).longValue()),
                    row[5] == null ? null : ((Number) row[5]).intValue(), ((Number) row[6]).longValue(), (String) row[7],
                    (String) row[8]));
        }
        boolean more = rows.size() > request.size();
        return new Page<>(attempts, request.page(), request.size(), (long) request.offset() + attempts.size() + (more ? 1 : 0), !more);
    }

    private SecretBox box() {
        return new SecretBox(secrets.secret(WebhooksMigration.SECRETS_KEY));
    }

    /** The change log's committed head: an endpoint made now gets the changes after it. */
    private long head() {
        return ChangeLog.head(em);
    }

    private List<String> valid(EndpointData data) {
        if (data == null) {
            throw new InvalidInputException(List.of(new FieldViolation("body", "is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        Optional<String> refused = WebhookTargets.refusal(data.url());
        refused.ifPresent(reason -> violations.add(new FieldViolation("url", reason)));
        List<String> types = WebhookTargets.eventTypes(data.eventTypes(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return types;
    }

    private static String actor() {
        return Identity.current().map(Identity::name).orElse(Identity.SYSTEM.name());
    }
}
