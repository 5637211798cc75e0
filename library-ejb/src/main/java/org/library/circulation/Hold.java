package org.library.circulation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Map;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.library.catalog.Book;
import org.library.members.Member;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A member's reservation of a book that had no copy on the shelf. The WAITING holds of a book are
 * its queue, first come first served; when a copy comes back it is set aside for the first of them
 * (READY) until {@code pickupBy}.
 */
@Entity
@Table(name = "holds")
@NamedQuery(name = Hold.QUEUE,
        query = "SELECT h FROM Hold h WHERE h.book = :book AND h.status = :waiting ORDER BY h.placedAt, h.id")
@NamedQuery(name = Hold.POSITION,
        query = "SELECT COUNT(ahead) FROM Hold ahead, Hold h WHERE h.id = :id AND ahead.book = h.book AND "
                + Hold.IN_LINE_UP_TO_H)
@NamedQuery(name = Hold.POSITIONS_OF_MEMBER,
        query = "SELECT h.id, COUNT(ahead) FROM Hold ahead, Hold h WHERE h.member.id = :memberId AND h.status = :waiting "
                + "AND ahead.book = h.book AND " + Hold.IN_LINE_UP_TO_H + " GROUP BY h.id")
@NamedQuery(name = Hold.ACTIVE_OF_MEMBER_FOR_BOOK,
        query = "SELECT h FROM Hold h WHERE h.member = :member AND h.book = :book AND h.status IN :active")
@NamedQuery(name = Hold.ACTIVE_FOR_BOOK_EXCEPT,
        query = "SELECT COUNT(h) FROM Hold h WHERE h.book = :book AND h.member <> :member AND h.status IN :active")
@NamedQuery(name = Hold.EXPIRED_READY,
        query = "SELECT h FROM Hold h WHERE h.status = :ready AND h.pickupBy < :today ORDER BY h.pickupBy, h.id")
@NamedQuery(name = Hold.OF_MEMBER,
        query = "SELECT h FROM Hold h WHERE h.member.id = :memberId ORDER BY h.placedAt DESC, h.id DESC",
        hints = {@QueryHint(name = "eclipselink.join-fetch", value = "h.member"),
                @QueryHint(name = "eclipselink.join-fetch", value = "h.book"),
                @QueryHint(name = "eclipselink.join-fetch", value = "h.book.author")})
public class Hold implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String QUEUE = "Hold.queue";
    public static final String ACTIVE_OF_MEMBER_FOR_BOOK = "Hold.activeOfMemberForBook";
    public static final String ACTIVE_FOR_BOOK_EXCEPT = "Hold.activeForBookExcept";
    public static final String EXPIRED_READY = "Hold.expiredReady";
    public static final String OF_MEMBER = "Hold.ofMember";
    public static final String POSITION = "Hold.position";
    public static final String POSITIONS_OF_MEMBER = "Hold.positionsOfMember";

    /**
     * The waiting holds {@code ahead} of {@code h} in its book's queue, {@code h} included: the
     * order of {@link #QUEUE} (placed first, then the lower id), so that a count of them is h's
     * place in line, 1 for the next.
     */
    static final String IN_LINE_UP_TO_H = "ahead.status = :waiting AND (ahead.placedAt < h.placedAt "
            + "OR (ahead.placedAt = h.placedAt AND ahead.id <= h.id))";

    public enum Status {
        /** In the queue. */
        WAITING,
        /** A copy is set aside for the member until {@code pickupBy}. */
        READY,
        /** The member borrowed the book. */
        FULFILLED,
        /** The member (or staff) cancelled it. */
        CANCELLED,
        /** The set-aside copy was not picked up in time. */
        EXPIRED;

        /** The states in which a hold is still in the queue or has a copy set aside. */
        public static final java.util.List<Status> ACTIVE = java.util.List.of(WAITING, READY);

        public boolean isActive() {
            return ACTIVE.contains(this);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private Member member;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", nullable = false, updatable = false)
    private Book book;

    /*
     * The keys of the two relations, read from the same columns, so that the change log can name
     * the member and the book without loading their rows: loading another member's row the
     * operation has not locked is what CirculationService avoids (see RowLocks). Null on a record
     * made in this transaction, whose member and book are at hand.
     */
    @Column(name = "member_id", insertable = false, updatable = false)
    private Long memberId;

    @Column(name = "book_id", insertable = false, updatable = false)
    private Long bookId;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status = Status.WAITING;

    @Column(name = "pickup_by")
    private LocalDate pickupBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    /*
     * Not a column: a place in line changes whenever someone ahead leaves the queue. Told by the
     * service that placed the hold or read it (1 = next in line), null where nobody asked.
     */
    @jakarta.persistence.Transient
    private Integer queuePosition;

    protected Hold() {
        // for JPA
    }

    Hold(Member member, Book book, Instant placedAt) {
        this.member = Objects.requireNonNull(member, "member");
        this.book = Objects.requireNonNull(book, "book");
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
    }

    void ready(LocalDate pickupBy) {
        this.status = Status.READY;
        this.pickupBy = pickupBy;
    }

    void close(Status closing, Instant at) {
        this.status = closing;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    /** The member's id, without loading the member. */
    public Long getMemberId() {
        return memberId;
    }

    public Member getMember() {
        return member;
    }

    public Book getBook() {
        return book;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getPickupBy() {
        return pickupBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The hold's place in its book's queue when it was placed or read (1 = next in line); null if not told or not waiting. */
    public Integer getQueuePosition() {
        return queuePosition;
    }

    void inQueueAt(Integer position) {
        this.queuePosition = position;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Hold other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Hold.class.hashCode();
    }

    @Override
    public RecordType recordType() {
        return RecordType.HOLD;
    }

    @Override
    public Map<String, Object> recordedState() {
        return Recorded.state("memberId", memberId != null ? memberId : member.getId(),
                "bookId", bookId != null ? bookId : book.getId(), "placedAt", placedAt, "status", status,
                "pickupBy", pickupBy, "closedAt", closedAt);
    }
}
