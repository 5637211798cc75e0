package org.library.circulation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * One line of the loan ledger: a member borrowed a book at a moment, owes it back by a day, and
 * perhaps returned it.
 *
 * <p>Why both this ledger and the {@code borrows} association table? {@code borrows} is the
 * current state — which member holds which book right now — and is what Member M:N Book
 * navigates; its composite primary key makes "holds the same book twice" impossible. It cannot
 * carry history or dates: a row disappears on return. The ledger keeps every borrowing with its
 * dates, for due dates, overdue lists and a member's history. A borrow inserts one row in each; a
 * return deletes the {@code borrows} row and closes the open loan — always in the same
 * transaction, so the open loans and {@code borrows} describe the same holdings.
 */
@Entity
@Table(name = "loans")
@NamedQuery(name = Loan.OPEN_FOR,
        query = "SELECT l FROM Loan l WHERE l.member = :member AND l.book = :book AND l.returnedAt IS NULL")
@NamedQuery(name = Loan.HISTORY_OF_MEMBER,
        query = "SELECT l FROM Loan l WHERE l.member.id = :memberId ORDER BY l.borrowedAt DESC, l.id DESC",
        hints = {@QueryHint(name = "eclipselink.join-fetch", value = "l.book"),
                @QueryHint(name = "eclipselink.join-fetch", value = "l.book.author")})
public class Loan implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String OPEN_FOR = "Loan.openFor";
    public static final String HISTORY_OF_MEMBER = "Loan.historyOfMember";

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

    @Column(name = "borrowed_at", nullable = false, updatable = false)
    private Instant borrowedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(nullable = false)
    private int renewals;

    @Version
    private long version;

    protected Loan() {
        // for JPA
    }

    public Loan(Member member, Book book, Instant borrowedAt, LocalDate dueOn) {
        this.member = Objects.requireNonNull(member, "member");
        this.book = Objects.requireNonNull(book, "book");
        this.borrowedAt = Objects.requireNonNull(borrowedAt, "borrowedAt");
        this.dueOn = Objects.requireNonNull(dueOn, "dueOn");
    }

    void close(Instant at) {
        this.returnedAt = at;
    }

    /**
     * Records a return that happened in the past, for loading history (demo data, imports);
     * circulation closes loans through {@code CirculationService.giveBack}.
     */
    public void closeForHistory(Instant at) {
        if (at.isBefore(borrowedAt)) {
            throw new IllegalArgumentException("returned before it was borrowed");
        }
        close(at);
    }

    void renew(LocalDate newDueOn) {
        this.dueOn = newDueOn;
        this.renewals++;
    }

    public int getRenewals() {
        return renewals;
    }

    public boolean isOpen() {
        return returnedAt == null;
    }

    public boolean isOverdueOn(LocalDate day) {
        return isOpen() && dueOn.isBefore(day);
    }

    /** Whole days past the due date on {@code day}; 0 when returned or not yet due. */
    public long daysOverdueOn(LocalDate day) {
        return isOverdueOn(day) ? java.time.temporal.ChronoUnit.DAYS.between(dueOn, day) : 0;
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

    public Instant getBorrowedAt() {
        return borrowedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Loan other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Loan.class.hashCode();
    }

    @Override
    public RecordType recordType() {
        return RecordType.LOAN;
    }

    @Override
    public Map<String, Object> recordedState() {
        return Recorded.state("memberId", memberId != null ? memberId : member.getId(),
                "bookId", bookId != null ? bookId : book.getId(), "borrowedAt", borrowedAt, "dueOn", dueOn,
                "returnedAt", returnedAt, "renewals", renewals);
    }
}
