package org.library.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.library.platform.BooleanToIntegerConverter;

/**
 * A receiver of webhooks: the URL events are POSTed to, the event types it wants (none listed: all),
 * whether it gets personal data, and whether it is active; when not, since when and why (staff
 * disabled it, or its deliveries kept failing). Its secret is kept encrypted ({@link SecretBox}),
 * since signing needs it again; the staff see it once, when the endpoint is made.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest URL: more than any real receiver needs, small enough to show in a list. */
    public static final int URL_LENGTH = 500;

    /** Room for every event type there is, space-separated. */
    static final int EVENT_TYPES_LENGTH = 2000;

    static final int REASON_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = URL_LENGTH)
    private String url;

    /** Base64 of the AES-GCM nonce and ciphertext of the secret ({@link SecretBox}). */
    @Column(name = "secret", nullable = false, length = 200, updatable = false)
    private String sealedSecret;

    /** Space-separated event types ({@code book.created loan.*}); null: every event. */
    @Column(name = "event_types", length = EVENT_TYPES_LENGTH)
    private String eventTypes;

    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(name = "personal_data", nullable = false)
    private boolean personalData;

    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "disabled_reason", length = REASON_LENGTH)
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "starts_after", nullable = false, updatable = false)
    private long startsAfter;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    WebhookEndpoint(String url, String sealedSecret, List<String> eventTypes, boolean personalData, long startsAfter,
                    String createdBy, Instant createdAt) {
        this.url = Objects.requireNonNull(url);
        this.sealedSecret = Objects.requireNonNull(sealedSecret);
        setEventTypes(eventTypes);
        this.personalData = personalData;
        this.startsAfter = startsAfter;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void change(String url, List<String> eventTypes, boolean personalData) {
        this.url = Objects.requireNonNull(url);
        setEventTypes(eventTypes);
        this.personalData = personalData;
    }

    void enable() {
        active = true;
        disabledAt = null;
        disabledReason = null;
    }

    void disable(String reason, Instant at) {
        active = false;
        disabledAt = at;
        disabledReason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    }

    private void setEventTypes(List<String> types) {
        eventTypes = types.contains(WebhookTargets.EVERY_EVENT) ? null : String.join(" ", types);
    }

    /** Whether it wants events of this name. */
    public boolean wants(String event) {
        return WebhookTargets.matches(getEventTypes(), event);
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    String getSealedSecret() {
        return sealedSecret;
    }

    /** The event types it wants, or {@code *} alone: every event. */
    public List<String> getEventTypes() {
        return eventTypes == null ? List.of(WebhookTargets.EVERY_EVENT) : Arrays.asList(eventTypes.split(" "));
    }

    public boolean isPersonalData() {
        return personalData;
    }

    public boolean isActive() {
        return active;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    long getStartsAfter() {
        return startsAfter;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + ", " + url + "]"; // never the secret
    }
}
