package org.library.members;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.library.catalog.Book;
import org.library.platform.BooleanToIntegerConverter;
import org.library.platform.EmailAddress;
import org.library.platform.Limits;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A library card holder. Owning side of Member M:N Book through the association table
 * {@code borrows (member_id, book_id)}: one row per book the member holds right now. The history
 * of who borrowed what, and when it is due, is the loan ledger (see
 * {@code org.library.circulation.Loan}).
 */
@Entity
@Table(name = "members")
@NamedQuery(name = Member.BY_NUMBER, query = "SELECT m FROM Member m WHERE m.memberNumber = :number")
@NamedQuery(name = Member.BORROWED_BOOKS,
        query = "SELECT b FROM Book b JOIN FETCH b.author JOIN b.borrowers m WHERE m.id = :id ORDER BY b.title, b.id")
public class Member implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String BY_NUMBER = "Member.byNumber";
    public static final String BORROWED_BOOKS = "Member.borrowedBooks";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The natural key, fixed at creation (see {@link #equals(Object)}). */
    @NotNull
    @Column(name = "member_number", nullable = false, unique = true, length = 20, updatable = false)
    private String memberNumber;

    @NotBlank
    @Size(max = Limits.NAME_LENGTH)
    @Column(nullable = false, length = Limits.NAME_LENGTH)
    private String name;

    @NotBlank
    @Size(max = Limits.EMAIL_LENGTH)
    @Column(nullable = false, unique = true, length = Limits.EMAIL_LENGTH)
    private String email;

    @NotNull
    @PastOrPresent
    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;

    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(nullable = false)
    private boolean active = true;

    /** Whether the member wants the library's e-mails (the digest, "your hold is ready"). */
    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(nullable = false)
    private boolean notices = true;

    @ManyToMany
    @JoinTable(name = "borrows",
            joinColumns = @JoinColumn(name = "member_id", nullable = false),
            inverseJoinColumns = @JoinColumn(name = "book_id", nullable = false))
    private Set<Book> borrowedBooks = new HashSet<>();

    @Version
    private long version;

    protected Member() {
        // for JPA
    }

    public Member(MemberNumber memberNumber, String name, EmailAddress email, LocalDate joinedOn) {
        this.memberNumber = memberNumber.value();
        this.name = name;
        this.email = email.value();
        this.joinedOn = joinedOn;
    }

    /**
     * Records that this member now holds {@code book}: adds the {@code borrows} row and counts the
     * copy as out on the book's side. Business rules (availability, limits) are the circulation
     * service's job; this keeps the two sides of the association in step.
     *
     * @return false when the member already holds the book (nothing changed)
     */
    public boolean borrow(Book book) {
        Objects.requireNonNull(book, "book");
        if (!borrowedBooks.add(book)) {
            return false;
        }
        book.addBorrower(this);
        return true;
    }

    /** @return false when the member does not hold the book (nothing changed) */
    public boolean giveBack(Book book) {
        if (!borrowedBooks.remove(book)) {
            return false;
        }
        book.removeBorrower(this);
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getMemberNumber() {
        return memberNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(EmailAddress email) {
        this.email = email.value();
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean wantsNotices() {
        return notices;
    }

    public void setNotices(boolean notices) {
        this.notices = notices;
    }

    /** The books held now (the {@code borrows} rows); read-only view. */
    public Set<Book> getBorrowedBooks() {
        return Collections.unmodifiableSet(borrowedBooks);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Member other && Objects.equals(memberNumber, other.memberNumber)
                && memberNumber != null;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(memberNumber);
    }

    @Override
    public String toString() {
        return "Member[" + id + ", " + memberNumber + "]";
    }

    @Override
    public RecordType recordType() {
        return RecordType.MEMBER;
    }

    @Override
    public Map<String, Object> recordedState() {
        return state(memberNumber, name, email, joinedOn, active);
    }

    /** A member's state in the change log, for writers that have its columns rather than the entity (the import). */
    public static Map<String, Object> state(String memberNumber, String name, String email, LocalDate joinedOn, boolean active) {
        return Recorded.state("memberNumber", memberNumber, "name", name, "email", email, "joinedOn", joinedOn, "active", active);
    }
}
