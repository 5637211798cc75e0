package org.library.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Map;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * An API token: a named credential of a system, with the scopes it may use, made by staff. Only
 * the hash of its secret is kept ({@link TokenSecrets}); the secret is shown once, at creation.
 * A revoked token stays, with when, so that the list shows what existed.
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.hash = :hash")
@NamedQuery(name = ApiToken.COUNT_USABLE, query = "SELECT COUNT(t) FROM ApiToken t WHERE t.revokedAt IS NULL "
        + "AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
public class ApiToken implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    static final String BY_HASH = "ApiToken.byHash";
    static final String COUNT_USABLE = "ApiToken.countUsable";

    /** A token's name: enough for "catalogue sync, branch 2"; V10 says the same. */
    public static final int NAME_LENGTH = 100;

    /** Tokens usable at once (neither revoked nor expired), per installation. */
    public static final int MAX_USABLE = 100;

    /** Whether a token can be used now, and if not, why. */
    public enum State { ACTIVE, EXPIRED, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_LENGTH, updatable = false)
    private String name;

    @Column(nullable = false, length = 64, unique = true, updatable = false)
    private String hash;

    /** Space-separated, in the order of {@link org.library.platform.access.Roles#SCOPES}. */
    @Column(nullable = false, length = 200, updatable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(String name, String hash, List<String> scopes, String createdBy, Instant createdAt, Instant expiresAt) {
        this.name = Objects.requireNonNull(name);
        this.hash = Objects.requireNonNull(hash);
        this.scopes = String.join(" ", scopes);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = expiresAt;
    }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? State.EXPIRED : State.ACTIVE;
    }

    /** Revoked now, unless it was already. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    String getHash() {
        return hash;
    }

    public List<String> getScopes() {
        return Arrays.asList(scopes.split(" "));
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + ", " + name + "]"; // never the hash
    }

    @Override
    public RecordType recordType() {
        return RecordType.TOKEN;
    }

    @Override
    public Map<String, Object> recordedState() {
        return Recorded.state("name", name, "scopes", scopes, "createdBy", createdBy, "createdAt", createdAt,
                "expiresAt", expiresAt, "revokedAt", revokedAt);
    }
}
