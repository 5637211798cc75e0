package org.library.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's calendar link, as the hash of its secret ({@link CalendarSecrets}); the secret itself
 * is shown once, when the member takes the link. Keyed by the member: one link each.
 */
@Entity
@Table(name = "calendar_tokens")
@NamedQuery(name = CalendarToken.BY_HASH, query = "SELECT t FROM CalendarToken t WHERE t.hash = :hash")
public class CalendarToken implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String BY_HASH = "CalendarToken.byHash";

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(nullable = false, length = 64, unique = true)
    private String hash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarToken() {
        // for JPA
    }

    CalendarToken(long memberId, String hash, Instant createdAt) {
        this.memberId = memberId;
        this.hash = Objects.requireNonNull(hash);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getMemberId() {
        return memberId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
