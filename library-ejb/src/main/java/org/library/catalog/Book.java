package org.library.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.library.members.Member;
import org.library.platform.Limits;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A title the library owns one or more copies of.
 *
 * <ul>
 *   <li>Owning side of Author 1:N Book: {@code books.author_id}, NOT NULL — a book never exists
 *       without its author, and nothing cascades from a book into the author (reference data).</li>
 *   <li>Inverse side of Member M:N Book: the {@code borrows} association table is owned by
 *       {@link Member#getBorrowedBooks()}.</li>
 * </ul>
 *
 * <p>{@code onLoan} counts the rows of {@code borrows} for this book. It is kept beside the
 * association so that availability is a column comparison in every list query (no join, no
 * count per row) and so that the database itself refuses to lend more copies than exist:
 * {@code CHECK (on_loan + on_hold <= copies)}, where {@code onHold} counts the copies set aside
 * for members whose hold came up.
 */
@Entity
@Table(name = "books")
@NamedQuery(name = Book.BY_ID_WITH_AUTHOR,
        query = "SELECT b FROM Book b JOIN FETCH b.author WHERE b.id = :id")
@NamedQuery(name = Book.BY_ISBN, query = "SELECT b FROM Book b JOIN FETCH b.author WHERE b.isbn = :isbn")
@NamedQuery(name = Book.BORROWERS,
        query = "SELECT m FROM Book b JOIN b.borrowers m WHERE b.id = :id ORDER BY m.name, m.id")
public class Book implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String BY_ID_WITH_AUTHOR = "Book.byIdWithAuthor";
    /** The longest title; and the most copies of one title a library keeps. */
    public static final int TITLE_LENGTH = 300;
    public static final int COPIES_MAX = 10_000;

    public static final String BY_ISBN = "Book.byIsbn";
    public static final String BORROWERS = "Book.borrowers";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Normalised ISBN-13, the natural key; fixed at creation (see {@link #equals(Object)}). */
    @NotNull
    @Column(nullable = false, unique = true, length = 13, updatable = false)
    private String isbn;

    @NotBlank
    @Size(max = TITLE_LENGTH)
    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Min(Limits.YEAR_MIN)
    @Max(Limits.YEAR_MAX)
    @Column(name = "publication_year")
    private Integer publicationYear;

    @Min(1)
    @Max(COPIES_MAX)
    @Column(nullable = false)
    private int copies;

    @Column(name = "on_loan", nullable = false)
    private int onLoan;

    /** Copies set aside for the first member in the hold queue: neither on the shelf nor lent. */
    @Column(name = "on_hold", nullable = false)
    private int onHold;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    @ManyToMany(mappedBy = "borrowedBooks")
    private Set<Member> borrowers = new HashSet<>();

    @Version
    private long version;

    protected Book() {
        // for JPA
    }

    public Book(Isbn isbn, String title, Integer publicationYear, int copies) {
        this.isbn = isbn.value();
        this.title = title;
        this.publicationYear = publicationYear;
        this.copies = copies;
    }

    /** Called by {@link Author#addBook(Book)}, which keeps the other side in step. */
    void assignAuthor(Author author) {
        this.author = author;
    }

    /**
     * Inverse-side half of {@link Member#borrow(Book)}; call that instead. Counts the copy as out.
     */
    public void addBorrower(Member member) {
        if (borrowers.add(member)) {
            onLoan++;
        }
    }

    /**
     * Counts one more copy out, for circulation, which writes the {@code borrows} row itself (see
     * CirculationService); everyone else calls {@link Member#borrow(Book)}.
     */
    public void countLent() {
        if (getAvailable() < 1) {
            throw new IllegalStateException("no copy of " + isbn + " on the shelf");
        }
        onLoan++;
    }

    /** Counts one copy back in; the counterpart of {@link #countLent()}. */
    public void countReturned() {
        if (onLoan < 1) {
            throw new IllegalStateException("no copy of " + isbn + " is out");
        }
        onLoan--;
    }

    /** Inverse-side half of {@link Member#giveBack(Book)}; call that instead. */
    public void removeBorrower(Member member) {
        if (borrowers.remove(member)) {
            onLoan--;
        }
    }

    /** Copies on the shelf: owned, minus lent, minus set aside for holds. */
    public int getAvailable() {
        return copies - onLoan - onHold;
    }

    /** A returned copy goes aside for a hold instead of back to the shelf (circulation's call). */
    public void setAsideForHold() {
        if (getAvailable() < 1) {
            throw new IllegalStateException("no copy of " + isbn + " to set aside");
        }
        onHold++;
    }

    /** A set-aside copy is lent to its member, or goes back to the shelf (circulation's call). */
    public void releaseSetAside() {
        if (onHold < 1) {
            throw new IllegalStateException("no copy of " + isbn + " is set aside");
        }
        onHold--;
    }

    public int getOnHold() {
        return onHold;
    }

    public Long getId() {
        return id;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getPublicationYear() {
        return publicationYear;
    }

    public void setPublicationYear(Integer publicationYear) {
        this.publicationYear = publicationYear;
    }

    public int getCopies() {
        return copies;
    }

    /** The service refuses fewer copies than are out; the database CHECK refuses it too. */
    public void setCopies(int copies) {
        this.copies = copies;
    }

    public int getOnLoan() {
        return onLoan;
    }

    public Author getAuthor() {
        return author;
    }

    /** Members holding a copy now (the {@code borrows} rows); read-only view. */
    public Set<Member> getBorrowers() {
        return Collections.unmodifiableSet(borrowers);
    }

    public long getVersion() {
        return version;
    }

    /** Equal when the ISBN is: the natural key, fixed from construction, so it is never null. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Book other && isbn.equals(other.isbn);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(isbn);
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + isbn + ", " + title + "]";
    }

    @Override
    public RecordType recordType() {
        return RecordType.BOOK;
    }

    /*
     * The catalogue's fields. The copies out and set aside are circulation's: every loan and hold
     * entry of the log announces their change, so a book's entry would only repeat it.
     */
    @Override
    public Map<String, Object> recordedState() {
        return state(isbn, title, publicationYear, author.getId(), copies);
    }

    /** A book's state in the change log, for writers that have its columns rather than the entity (the import). */
    public static Map<String, Object> state(String isbn, String title, Integer publicationYear, long authorId, int copies) {
        return Recorded.state("isbn", isbn, "title", title, "publicationYear", publicationYear, "authorId", authorId,
                "copies", copies);
    }
}
