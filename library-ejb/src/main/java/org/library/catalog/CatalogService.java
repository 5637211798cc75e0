package org.library.catalog;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.members.Member;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.SortOrder;
import org.library.platform.RecordNotFoundException;
import org.library.platform.StaleVersionException;
import org.library.platform.Writes;

/**
 * The catalogue: authors and their books. Each public method is one transaction; a business
 * failure throws a {@link org.library.platform.LibraryException} and changes nothing.
 */
@Stateless
public class CatalogService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Inputs inputs;

    @EJB
    private CirculationService circulation;

    // ---- authors -------------------------------------------------------------------------

    public Author createAuthor(AuthorData data) {
        inputs.valid(data);
        Author author = new Author(data.name().strip(), data.birthYear(), data.deathYear());
        em.persist(author);
        em.flush();
        return author;
    }

    public Author updateAuthor(long id, Long expectedVersion, AuthorData data) {
        inputs.valid(data);
        Author author = author(id);
        StaleVersionException.check("author", id, author.getVersion(), expectedVersion);
        author.setName(data.name().strip());
        author.setBirthYear(data.birthYear());
        author.setDeathYear(data.deathYear());
        Writes.flush(em, "author", id);
        return author;
    }

    /** @throws AuthorHasBooksException while any book names this author */
    public void deleteAuthor(long id, Long expectedVersion) {
        Author author = author(id);
        StaleVersionException.check("author", id, author.getVersion(), expectedVersion);
        long books = em.createNamedQuery(Author.COUNT_BOOKS, Long.class)
                .setParameter("author", author).getSingleResult();
        if (books > 0) {
            throw new AuthorHasBooksException(author.getName(), books);
        }
        em.remove(author);
    }

    public Author author(long id) {
        return Optional.ofNullable(em.find(Author.class, id))
                .orElseThrow(() -> new RecordNotFoundException("author", id));
    }

    /** The author with the list of books loaded in the same statement. */
    public Author authorWithBooks(long id) {
        return em.createNamedQuery(Author.BY_ID_WITH_BOOKS, Author.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("author", id));
    }

    /**
     * @param name part of the name to look for (case-insensitive), or {@code null} for all
     */
    public Page<Author> authors(String name, PageRequest request, SortOrder sort) {
        PagedQuery<Author> query = new PagedQuery<>(Author.class, "SELECT a FROM Author a", "SELECT COUNT(a) FROM Author a");
        if (name != null && !name.isBlank()) {
            query.where("LOWER(a.name) LIKE :name ESCAPE '\\'", "name", PagedQuery.containing(name));
        }
        return query.page(em, request, sort.toJpql(AUTHOR_SORTS, "a.id"));
    }

    /** The number of books each author on the page has, in one statement. */
    public Map<Long, Long> bookCounts(List<Author> authors) {
        if (authors.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT b.author.id, COUNT(b) FROM Book b WHERE b.author IN :authors GROUP BY b.author.id",
                        Object[].class)
                .setParameter("authors", authors).getResultStream()
                .collect(java.util.stream.Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    // ---- books ---------------------------------------------------------------------------

    /** @throws DuplicateIsbnException when the ISBN, in any of its forms, is already catalogued */
    public Book createBook(BookData data) {
        inputs.valid(data);
        String isbn = Isbn.normalise(data.isbn()).orElseThrow();
        if (findByIsbn(isbn).isPresent()) {
            throw new DuplicateIsbnException(isbn);
        }
        Book book = new Book(isbn, data.title().strip(), data.publicationYear(), data.copies());
        author(data.authorId()).addBook(book);
        em.persist(book);
        // a concurrent insert of the same ISBN passes the check above; the UNIQUE index decides
        Writes.flush(em, "book", isbn, constraint -> new DuplicateIsbnException(isbn));
        return book;
    }

    /**
     * Changes title, year, copies and author; the ISBN stays (it is the natural key).
     *
     * @throws CopiesBelowOnLoanException when fewer copies would remain than are out on loan
     */
    public Book updateBook(long id, Long expectedVersion, BookData data) {
        inputs.valid(data);
        Book book = book(id);
        StaleVersionException.check("book", id, book.getVersion(), expectedVersion);
        FieldViolation.refuseChange("isbn", book.getIsbn(), Isbn.normalise(data.isbn()).orElseThrow());
        if (data.copies() < book.getOnLoan() + book.getOnHold()) {
            throw new CopiesBelowOnLoanException(book.getTitle(), data.copies(), book.getOnLoan() + book.getOnHold());
        }
        book.setTitle(data.title().strip());
        book.setPublicationYear(data.publicationYear());
        boolean copiesAdded = data.copies() > book.getCopies();
        book.setCopies(data.copies());
        if (!book.getAuthor().getId().equals(data.authorId())) {
            author(data.authorId()).addBook(book);
        }
        Writes.flush(em, "book", id,
                constraint -> new CopiesBelowOnLoanException(book.getTitle(), data.copies(), book.getOnLoan()));
        if (copiesAdded) {
            circulation.offerShelfCopies(id); // members waiting for the book come first
        }
        return book;
    }

    /**
     * Deletes a book with its past loans and closed holds (the history of a title the library no
     * longer has).
     *
     * @throws BookOnLoanException while a copy is out
     * @throws BookOnHoldException while members wait for it
     */
    public void deleteBook(long id, Long expectedVersion) {
        Book book = book(id);
        StaleVersionException.check("book", id, book.getVersion(), expectedVersion);
        if (book.getOnLoan() > 0) {
            throw new BookOnLoanException(book.getTitle(), book.getOnLoan());
        }
        long holds = em.createQuery("SELECT COUNT(h) FROM Hold h WHERE h.book = :book AND h.status IN :active", Long.class)
                .setParameter("book", book).setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        if (holds > 0) {
            throw new BookOnHoldException(book.getTitle(), holds);
        }
        em.createQuery("DELETE FROM Hold h WHERE h.book = :book").setParameter("book", book).executeUpdate();
        em.createQuery("DELETE FROM Loan l WHERE l.book = :book").setParameter("book", book).executeUpdate();
        em.remove(book);
        Writes.flush(em, "book", id, constraint -> new BookOnLoanException(book.getTitle(), book.getOnLoan()));
    }

    /** The book with its author, in one statement. */
    public Book book(long id) {
        return em.createNamedQuery(Book.BY_ID_WITH_AUTHOR, Book.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("book", id));
    }

    /** @param isbn any valid form of the ISBN */
    public Optional<Book> findByIsbn(String isbn) {
        return Isbn.normalise(isbn).flatMap(normal -> em.createNamedQuery(Book.BY_ISBN, Book.class)
                .setParameter("isbn", normal).getResultStream().findFirst());
    }

    /** Client sort names for books, to JPQL paths. */
    public static final Map<String, String> BOOK_SORTS = Map.of(
            "title", "b.title", "author", "a.name", "year", "b.publicationYear", "isbn", "b.isbn",
            "copies", "b.copies", "available", "(b.copies - b.onLoan)");

    public static final Map<String, String> AUTHOR_SORTS = Map.of(
            "name", "a.name", "birthYear", "a.birthYear", "deathYear", "a.deathYear");

    /** A page of all books by title, each with its author. */
    public Page<Book> books(PageRequest request) {
        return books(BookFilter.ALL, request, SortOrder.asc("title"));
    }

    /**
     * A filtered, sorted page of books, each with its author: at most three statements whatever
     * the page size (page, its authors, count).
     *
     * <p>Only a search by text (title or author name) or a sort by author joins the authors into
     * the page's statement. Otherwise the books are read alone and their authors by id in one
     * more statement: joined, Derby's optimizer turns a page of the title index into a sort of the
     * whole catalogue once it holds some 100,000 books (see BENCHMARKS.md), and the count reads
     * the books alone too.
     */
    public Page<Book> books(BookFilter filter, PageRequest request, SortOrder sort) {
        String orderBy = sort.toJpql(BOOK_SORTS, "b.id");
        Optional<String> isbn = filter.text() == null || filter.text().isBlank() ? Optional.empty() : Isbn.normalise(filter.text());
        boolean textSearch = filter.text() != null && !filter.text().isBlank() && isbn.isEmpty();
        boolean joinAuthors = textSearch || orderBy.contains("a.");
        PagedQuery<Book> query = joinAuthors
                ? new PagedQuery<>(Book.class, "SELECT b FROM Book b JOIN FETCH b.author a", "SELECT COUNT(b) FROM Book b JOIN b.author a")
                : new PagedQuery<>(Book.class, "SELECT b FROM Book b", "SELECT COUNT(b) FROM Book b").batch("b.author");
        if (isbn.isPresent()) {
            query.where("b.isbn = :isbn", "isbn", isbn.get());
        } else if (textSearch) {
            query.where("LOWER(b.title) LIKE :text ESCAPE '\\' OR LOWER(a.name) LIKE :text ESCAPE '\\'",
                    "text", PagedQuery.containing(filter.text()));
        }
        if (filter.authorId() != null) {
            query.where("b.author.id = :authorId", "authorId", filter.authorId());
        }
        if (filter.availableOnly()) {
            query.where("b.onLoan < b.copies");
        }
        return query.page(em, request, orderBy);
    }

    /** The members who hold a copy of the book now (its side of the {@code borrows} relation). */
    public List<Member> borrowers(long bookId) {
        book(bookId);
        return em.createNamedQuery(Book.BORROWERS, Member.class).setParameter("id", bookId).getResultList();
    }
}
