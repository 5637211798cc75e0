package org.library.platform.idempotency;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.library.platform.idempotency.KeyedRequest.State;

/**
 * A row of {@code idempotency_keys} ({@link IdempotencyKeysMigration}); {@link IdempotencyKeys}
 * is its only reader and writer. Times are epoch milliseconds. No {@code @Version}: the key is
 * claimed by inserting the row, which only one request can do, and only that request writes it.
 */
@Entity
@Table(name = "idempotency_keys")
class IdempotencyRecord {

    /** Longer user names (or token ids) are stored as their hash, see {@link IdempotencyKeys}. */
    static final int CALLER_LENGTH = 128;

    /** The API's POST paths are a few segments of names and numbers; this leaves room for any query. */
    static final int PATH_LENGTH = 2000;

    @Embeddable
    static class Id implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "caller", length = CALLER_LENGTH)
        private String caller;

        @Column(name = "idem_key", length = IdempotencyKey.MAX_LENGTH)
        private String key;

        protected Id() {
            // for JPA
        }

        Id(String caller, String key) {
            this.caller = caller;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && caller.equals(that.caller) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, key);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(name = "request_method", nullable = false)
    private String method;

    @Column(name = "request_path", nullable = false)
    private String path;

    @Column(name = "request_hash")
    private String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "response_status")
    private Integer status;

    @Column(name = "response_headers")
    private String headers;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "response_body")
    private byte[] body;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "completed_at")
    private Long completedAt;

    protected IdempotencyRecord() {
        // for JPA
    }

    IdempotencyRecord(Id id, String method, String path, long now) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.state = State.IN_PROGRESS;
        this.createdAt = now;
    }

    State state() {
        return state;
    }

    long createdAt() {
        return createdAt;
    }

    /** Records the answer: kept whole when it fits, else only its status. */
    void complete(String requestHash, StoredAnswer answer, long now) {
        this.requestHash = requestHash;
        this.status = answer.status();
        boolean fits = answer.kept();
        this.state = fits ? State.DONE : State.DONE_UNKEPT;
        this.headers = fits ? answer.headers() : null;
        this.body = fits ? answer.body() : null;
        this.completedAt = now;
    }

    KeyedRequest snapshot() {
        return new KeyedRequest(method, path, state, requestHash, Instant.ofEpochMilli(createdAt),
                status == null ? null : new StoredAnswer(status, headers, body, state == State.DONE));
    }
}
