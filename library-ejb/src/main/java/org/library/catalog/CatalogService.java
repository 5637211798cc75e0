package org.library.catalog;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.library.members.Member;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.KeyTakenMeanwhileException;
import org.library.platform.LibraryException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.Precondition;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RowLocks;
import org.library.platform.SearchText;
import org.library.platform.SortOrder;
import org.library.platform.StaleVersionException;
import org.library.platform.Upserted;
import org.library.platform.Writes;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * The catalogue: authors and their books. Each public method is one transaction; a business
 * failure throws a {@link org.library.platform.LibraryException} and changes nothing.
 */
@Stateless
@Guarded
@Allowed(Roles.CATALOGUE_WRITE)
public class CatalogService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Inputs inputs;

    @Inject
    private Event<BookRemoving> removing;

    @Inject
    private Event<CopiesAdded> newCopies;

    @Inject
    private CatalogueCache cache;

    @Inject
    private ChangeLog changes;

    // ---- authors -------------------------------------------------------------------------

    public Author createAuthor(AuthorData data) {
        inputs.valid(data);
        Author author = new Author(data.name().strip(), data.birthYear(), data.deathYear());
        em.persist(author);
        changes.record(ChangeAction.CREATED, author);
        return author;
    }

    public Author updateAuthor(long id, Long expectedVersion, AuthorData data) {
        inputs.valid(data);
        Author author = author(id);
        StaleVersionException.check("author", id, author.getVersion(), expectedVersion);
        Map<String, Object> before = author.recordedState();
        boolean renamed = !author.getName().equals(data.name().strip());
        author.setName(data.name().strip());
        author.setBirthYear(data.birthYear());
        author.setDeathYear(data.deathYear());
        Writes.flush(em, "author", id);
        if (renamed) {
            indexWords("b.author_id", id, false); // the author's name is part of each of their books' words
        }
        changes.recordUpdate(author, before);
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
        changes.record(ChangeAction.DELETED, author);
    }

    @Allowed(Roles.ANYONE)
    public Author author(long id) {
        return Optional.ofNullable(em.find(Author.class, id))
                .orElseThrow(() -> new RecordNotFoundException("author", id));
    }

    /** The author with the list of books loaded in the same statement. */
    @Allowed(Roles.ANYONE)
    public Author authorWithBooks(long id) {
        return em.createNamedQuery(Author.BY_ID_WITH_BOOKS, Author.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("author", id));
    }

    /**
     * @param name part of the name to look for (case-insensitive), or {@code null} for all
     */
    @Allowed(Roles.ANYONE)
    public Page<Author> authors(String name, PageRequest request, SortOrder sort) {
        name = SearchText.bounded("q", name);
        PagedQuery<Author> query = new PagedQuery<>(Author.class, "SELECT a FROM Author a", "SELECT a.id FROM Author a");
        if (name != null) {
            query.where("LOWER(a.name) LIKE :name ESCAPE '\\'", "name", PagedQuery.containing(name));
        }
        return query.page(em, request, sort.toJpql(AUTHOR_SORTS, "a.id"));
    }

    /** The number of books each author on the page has, in one statement. */
    @Allowed(Roles.ANYONE)
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
        Isbn isbn = data.isbn();
        if (findByIsbn(isbn).isPresent()) {
            throw new DuplicateIsbnException(isbn.value());
        }
        // a concurrent insert of the same ISBN passes the check above; the UNIQUE index decides
        return insertBook(data, new DuplicateIsbnException(isbn.value()));
    }

    private Book insertBook(BookData data, LibraryException onDuplicate) {
        Book book = new Book(data.isbn(), data.title().strip(), data.publicationYear(), data.copies());
        author(data.authorId()).addBook(book);
        em.persist(book);
        Writes.flush(em, "book", data.isbn().value(), constraint -> onDuplicate);
        indexWords("b.id", book.getId(), true);
        changes.record(ChangeAction.CREATED, book);
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
        FieldViolation.refuseChange("isbn", book.getIsbn(), data.isbn().value());
        return replaceBook(book, data);
    }

    /**
     * Creates the book with this ISBN, or replaces the one that has it: the write of a sync job
     * (an acquisitions system), which knows the ISBN, not the id. The whole record, as
     * {@link #updateBook} takes it; the ISBN in {@code data} may be left out, and must be the same
     * ISBN (in any form) if given. Two such writes of a new ISBN at the same moment make one book:
     * the second insert meets the UNIQUE index and is run again
     * ({@link KeyTakenMeanwhileException}), as a replacement.
     *
     * @throws org.library.platform.PreconditionFailedException when {@code precondition} wants the
     *         book absent, or present, and it is not
     * @throws StaleVersionException      when it names another version than the book's
     * @throws CopiesBelowOnLoanException when fewer copies would remain than are out on loan
     */
    public Upserted<Book> putBook(Isbn isbn, Precondition precondition, BookData data) {
        if (data == null) {
            inputs.valid(data); // refused: a body is required
        }
        FieldViolation.refuseOtherKey("isbn", isbn, data.isbn());
        BookData keyed = inputs.valid(new BookData(isbn, data.title(), data.publicationYear(), data.copies(), data.authorId()));
        // the row locked before it is read: a concurrent write of the same book waits, and then
        // replaces what this one wrote (an unconditional write never fails for a version read meanwhile)
        Optional<Book> stored = bookId(isbn).map(id -> {
            RowLocks.book(em, id);
            return book(id);
        });
        precondition.check("book", isbn, stored.map(Book::getVersion).orElse(null));
        if (stored.isPresent()) {
            return new Upserted<>(replaceBook(stored.get(), keyed), false);
        }
        return new Upserted<>(insertBook(keyed, new KeyTakenMeanwhileException("book", isbn)), true);
    }

    /** The book with this ISBN, as the catalogue shows it (see {@link #entry(long)}). */
    @Allowed(Roles.ANYONE)
    public CatalogueEntry entry(Isbn isbn) {
        return entry(bookId(isbn).orElseThrow(() -> new RecordNotFoundException("book", isbn)));
    }

    private Optional<Long> bookId(Isbn isbn) {
        return em.createQuery("SELECT b.id FROM Book b WHERE b.isbn = :isbn", Long.class)
                .setParameter("isbn", isbn.value()).getResultStream().findFirst();
    }

    private Book replaceBook(Book book, BookData data) {
        long id = book.getId();
        Map<String, Object> before = book.recordedState();
        if (data.copies() < book.getOnLoan() + book.getOnHold()) {
            throw new CopiesBelowOnLoanException(book.getTitle(), data.copies(), book.getOnLoan() + book.getOnHold());
        }
        boolean reworded = !book.getTitle().equals(data.title().strip()) || !book.getAuthor().getId().equals(data.authorId());
        book.setTitle(data.title().strip());
        book.setPublicationYear(data.publicationYear());
        boolean copiesAdded = data.copies() > book.getCopies();
        book.setCopies(data.copies());
        if (!book.getAuthor().getId().equals(data.authorId())) {
            author(data.authorId()).addBook(book);
        }
        Writes.flush(em, "book", id,
                constraint -> new CopiesBelowOnLoanException(book.getTitle(), data.copies(), book.getOnLoan()));
        if (reworded) {
            indexWords("b.id", id, false);
        }
        changes.recordUpdate(book, before);
        if (copiesAdded) {
            newCopies.fire(new CopiesAdded(id)); // after the book's entry: the holds made ready follow it
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
        removing.fire(new BookRemoving(id, book.getTitle())); // circulation removes its rows, or refuses
        em.remove(book);
        Writes.flush(em, "book", id, constraint -> new BookOnLoanException(book.getTitle(), book.getOnLoan()));
        changes.record(ChangeAction.DELETED, book);
    }

    /** The book with its author, in one statement. */
    @Allowed(Roles.ANYONE)
    public Book book(long id) {
        return em.createNamedQuery(Book.BY_ID_WITH_AUTHOR, Book.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("book", id));
    }

    /**
     * The book as the catalogue shows it: its catalogue data from {@link CatalogueCache} while the
     * catalogue has not changed, where its copies are from the database, in one statement then.
     */
    @Allowed(Roles.ANYONE)
    public CatalogueEntry entry(long id) {
        return cache.entry(em, id, () -> CatalogueEntry.of(book(id)));
    }

    /**
     * A page of {@link #books(BookFilter, PageRequest, SortOrder)} as the catalogue shows it. While
     * the catalogue has not changed since the same page was read, from {@link CatalogueCache} with
     * where its copies are now: one statement. A page that where the copies are decides (only
     * available books, or sorted by availability) is read every time.
     */
    @Allowed(Roles.ANYONE)
    public Page<CatalogueEntry> catalogue(BookFilter filter, PageRequest request, SortOrder sort) {
        java.util.function.Supplier<Page<CatalogueEntry>> read = () -> books(filter, request, sort).map(CatalogueEntry::of);
        if (filter.availableOnly() || sort.property().equals("available")) {
            return read.get();
        }
        return cache.page(em, new CatalogueCache.PageKey(filter, request, sort), read);
    }

    @Allowed(Roles.ANYONE)
    public Optional<Book> findByIsbn(Isbn isbn) {
        return em.createNamedQuery(Book.BY_ISBN, Book.class).setParameter("isbn", isbn.value())
                .getResultStream().findFirst();
    }

    /** Client sort names for books, to JPQL paths. */
    public static final Map<String, String> BOOK_SORTS = Map.of(
            "title", "b.title", "author", "a.name", "year", "b.publicationYear", "isbn", "b.isbn",
            "copies", "b.copies", "available", "(b.copies - b.onLoan)");

    public static final Map<String, String> AUTHOR_SORTS = Map.of(
            "name", "a.name", "birthYear", "a.birthYear", "deathYear", "a.deathYear");

    /** A page of all books by title, each with its author. */
    @Allowed(Roles.ANYONE)
    public Page<Book> books(PageRequest request) {
        return books(BookFilter.ALL, request, SortOrder.asc("title"));
    }

    /**
     * A filtered, sorted page of books, each with its author: at most three statements whatever
     * the page size (page, its authors, and the count where one is asked for).
     *
     * <p>The page's statement reads an index in the page's order and stops after the page:
     * <ul>
     *   <li>a list without a search reads the books alone, by the sort's index, and their authors
     *       by id in one more statement. Joined, Derby's optimizer turns a page of the title index
     *       into a sort of the whole catalogue once it holds some 100,000 books (BENCHMARKS.md);</li>
     *   <li>a search by words (see {@link BookFilter#text()}) sorted by title reads the word index
     *       ({@code book_words}, keyed word, title, book) from the first row of its longest whole
     *       word, and looks each other word up among that book's rows; sorted otherwise, it sorts
     *       the books that match.</li>
     * </ul>
     */
    @Allowed(Roles.ANYONE)
    public Page<Book> books(BookFilter filter, PageRequest request, SortOrder sort) {
        String orderBy = sort.toJpql(BOOK_SORTS, "b.id");
        boolean hasText = filter.text() != null && !filter.text().isBlank();
        Optional<Isbn> isbn = hasText ? Isbn.parse(filter.text()) : Optional.empty();
        List<SearchTerm> terms = hasText && isbn.isEmpty() ? SearchTerm.parse(filter.text()) : List.of();
        // the word the page is read by: an exact word (a truncated one spans many index ranges), the longest
        Optional<SearchTerm> driver = sort.property().equals("title")
                ? terms.stream().filter(term -> !term.prefix()).max(java.util.Comparator.comparingInt(term -> term.word().length()))
                : Optional.empty();
        PagedQuery<Book> query;
        if (driver.isPresent()) {
            // the book first in FROM: a query of books (which the batch hint needs), read through the word index
            if (filter.authorId() == null && !filter.availableOnly()) {
                // counted from the word index alone: joined, Derby scans every book to count a word's
                query = new PagedQuery<>(Book.class, "SELECT b FROM Book b, BookWord w", "SELECT w.bookId FROM BookWord w")
                        .joinedBy("w.bookId = b.id");
            } else {
                query = new PagedQuery<>(Book.class, "SELECT b FROM Book b, BookWord w", "SELECT b.id FROM Book b, BookWord w")
                        .where("w.bookId = b.id");
            }
            query.where("w.word = :driver", "driver", driver.get().word()).batch("b.author");
            orderBy = orderBy.replace("b.title", "w.title").replace("b.id", "w.bookId");
        } else if (orderBy.contains("a.")) {
            query = new PagedQuery<>(Book.class, "SELECT b FROM Book b JOIN FETCH b.author a", "SELECT b.id FROM Book b JOIN b.author a");
        } else {
            query = new PagedQuery<>(Book.class, "SELECT b FROM Book b", "SELECT b.id FROM Book b").batch("b.author");
        }
        if (isbn.isPresent()) {
            query.where("b.isbn = :isbn", "isbn", isbn.get().value());
        } else if (hasText && terms.isEmpty()) {
            query.where("1 = 0"); // nothing searchable in the text (only punctuation): no book matches
        }
        for (int i = 0; i < terms.size(); i++) {
            SearchTerm term = terms.get(i);
            String w = "w" + i;
            String comparison = (term.prefix() ? " LIKE" : " =") + " :word" + i;
            Object value = term.prefix() ? term.word() + "%" : term.word();
            if (driver.isEmpty()) {
                // no index order to keep: the matching books, then sorted
                query.where("b.id IN (SELECT " + w + ".bookId FROM BookWord " + w + " WHERE " + w + ".word" + comparison + ")",
                        "word" + i, value);
            } else if (term != driver.get()) {
                // checked per row of the driving word, among that book's few rows (by book_id), so that
                // the cost does not grow with the catalogue. Derby's optimizer costs a query for all its
                // rows, not the page's, and would otherwise hash every book having this word once per
                // search (bench/plans.sql): TRIM (a no-op on a word) keeps the word's index out of its
                // choices. A count, not EXISTS: with EXISTS, EclipseLink writes SELECT 1 and then binds
                // no parameter of the statement, so each search would be compiled anew.
                query.where("(SELECT COUNT(" + w + ".bookId) FROM BookWord " + w + " WHERE " + w + ".bookId = w.bookId AND TRIM("
                        + w + ".word)" + comparison + ") > 0", "word" + i, value);
            }
        }
        if (filter.authorId() != null) {
            query.where("b.author.id = :authorId", "authorId", filter.authorId());
        }
        if (filter.availableOnly()) {
            query.where("b.onLoan < b.copies");
        }
        return query.page(em, request, orderBy);
    }

    /**
     * One word of a search: the whole word, or with a trailing {@code *} any word it begins
     * ({@code gard*}: garden, gardener).
     */
    record SearchTerm(String word, boolean prefix) {

        /** @throws InvalidInputException naming {@code q} when the text has more than {@link BookFilter#MAX_WORDS} words */
        static List<SearchTerm> parse(String text) {
            java.util.Set<SearchTerm> terms = new java.util.LinkedHashSet<>();
            for (String part : text.strip().split("\\s+")) {
                boolean prefix = part.endsWith("*");
                java.util.Set<String> words = SearchWords.of(part);
                int n = 0;
                for (String word : words) {
                    // "o'brien*": the last word of the part carries the star
                    terms.add(new SearchTerm(word, prefix && ++n == words.size()));
                    // counted as the words come (a-b-c-… is many words in one part), never all of them first
                    if (terms.size() > BookFilter.MAX_WORDS) {
                        throw new InvalidInputException(List.of(new FieldViolation(BookFilter.TEXT_FIELD,
                                "must have at most " + BookFilter.MAX_WORDS + " words")));
                    }
                }
            }
            return List.copyOf(terms);
        }
    }

    /**
     * Rewrites the search words of the books {@code column} selects, in this transaction: after a
     * flush, so that the rows read are the ones just written.
     */
    private void indexWords(String column, long key, boolean fresh) {
        SearchWords.reindex(em, column, List.of(key), fresh);
    }

    /** The members who hold a copy of the book now (its side of the {@code borrows} relation). */
    @Allowed(Roles.CIRCULATION)
    public List<Member> borrowers(long bookId) {
        book(bookId);
        return em.createNamedQuery(Book.BORROWERS, Member.class).setParameter("id", bookId).getResultList();
    }
}
