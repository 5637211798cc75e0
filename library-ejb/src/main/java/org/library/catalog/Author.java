package org.library.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.library.platform.Limits;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A writer. The inverse ({@code mappedBy}) side of Author 1:N Book: the books table holds the
 * foreign key, and no operation on an author cascades to its books — a book is catalogue data of
 * its own, and an author with books cannot be deleted.
 */
@Entity
@Table(name = "authors")
@NamedQuery(name = Author.BY_ID_WITH_BOOKS,
        query = "SELECT DISTINCT a FROM Author a LEFT JOIN FETCH a.books WHERE a.id = :id")
@NamedQuery(name = Author.COUNT_BOOKS, query = "SELECT COUNT(b) FROM Book b WHERE b.author = :author")
public class Author implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String BY_ID_WITH_BOOKS = "Author.byIdWithBooks";
    public static final String COUNT_BOOKS = "Author.countBooks";

    private static final Comparator<Book> BY_TITLE =
            Comparator.comparing(Book::getTitle, String.CASE_INSENSITIVE_ORDER).thenComparing(Book::getIsbn);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = Limits.NAME_LENGTH)
    @Column(nullable = false, length = Limits.NAME_LENGTH)
    private String name;

    @Min(Limits.YEAR_MIN)
    @Max(Limits.YEAR_MAX)
    @Column(name = "birth_year")
    private Integer birthYear;

    @Min(Limits.YEAR_MIN)
    @Max(Limits.YEAR_MAX)
    @Column(name = "death_year")
    private Integer deathYear;

    @OneToMany(mappedBy = "author")
    @OrderBy("title")
    private List<Book> books = new ArrayList<>();

    @Version
    private long version;

    protected Author() {
        // for JPA
    }

    public Author(String name, Integer birthYear, Integer deathYear) {
        this.name = name;
        this.birthYear = birthYear;
        this.deathYear = deathYear;
    }

    /**
     * Makes {@code book} one of this author's books, moving it away from its previous author, so
     * that {@code book.getAuthor()} and both authors' book lists agree in memory as they will in
     * the database.
     */
    public void addBook(Book book) {
        Objects.requireNonNull(book, "book");
        Author previous = book.getAuthor();
        if (previous == this) {
            return;
        }
        if (previous != null) {
            previous.books.remove(book);
        }
        books.add(book);
        book.assignAuthor(this);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public Integer getDeathYear() {
        return deathYear;
    }

    public void setDeathYear(Integer deathYear) {
        this.deathYear = deathYear;
    }

    /**
     * The books by title, read-only; change the list through {@link #addBook(Book)}. Sorted here
     * as well as by {@code @OrderBy}, which applies only when the list is read from the database,
     * not to books added or retitled in memory (or in the shared cache).
     */
    public List<Book> getBooks() {
        return books.stream().sorted(BY_TITLE).toList();
    }

    public long getVersion() {
        return version;
    }

    /**
     * Identity is the database id: an author has no natural key (two authors may share a name).
     * A transient author equals only itself; the constant hash code keeps an author in the same
     * hash bucket before and after it is persisted.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Author other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Author.class.hashCode();
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + "]";
    }

    @Override
    public RecordType recordType() {
        return RecordType.AUTHOR;
    }

    @Override
    public Map<String, Object> recordedState() {
        return state(name, birthYear, deathYear);
    }

    /** An author's state in the change log, for writers that have its columns rather than the entity (the import). */
    public static Map<String, Object> state(String name, Integer birthYear, Integer deathYear) {
        return Recorded.state("name", name, "birthYear", birthYear, "deathYear", deathYear);
    }
}
