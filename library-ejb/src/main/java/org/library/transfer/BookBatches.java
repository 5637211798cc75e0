package org.library.transfer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.library.catalog.Author;
import org.library.catalog.Book;
import org.library.catalog.SearchWords;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.changes.RecordType;
import org.library.platform.DatabaseMigration;
import org.library.platform.RowInserts;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import org.library.platform.access.Allowed;

/**
 * Writes one batch of a books import, in a transaction of its own: a batch is committed or not at all,
 * and a failure never undoes the batches before it.
 *
 * <p>Why JDBC batches instead of the entities: a million rows through the persistence context
 * would insert one row per statement (identity ids are read back row by row, which rules out
 * EclipseLink's batch writing) and keep every entity until the end of the transaction. Here a
 * batch is a handful of statements: one look-up of the ISBNs already there, one
 * batched INSERT, one batched UPDATE. The rules stay the entities' and the database's: the rows
 * were checked against the services' input records before they got here, the columns written are
 * the ones the entities map (with {@code version} starting at 1 and counting every change, as
 * {@code @Version} does), and every FK, UNIQUE and CHECK constraint applies as to any write.
 *
 * <p>Nothing of this bypasses a rule of circulation: a book's copies never go below the copies out
 * and set aside ({@code on_loan + on_hold}) — such a row is refused, and the UPDATE itself repeats
 * the condition against a loan made meanwhile. Books that gained copies while members wait for
 * them are returned to the importer, which offers the new copies to the queue (as
 * {@code CatalogService.updateBook} does).
 */
@Stateless
@Guarded
@Allowed(Roles.CATALOGUE_WRITE)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BookBatches {

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** What became of a batch of books. */
    public record BookOutcome(int created, int updated, int unchanged, List<RowError> rejected,
                              Map<AuthorKey, Long> authors, List<Long> copiesAddedWhileWaitedFor) {
    }

    private record StoredBook(long id, String title, Integer publicationYear, int copies, int onLoan, int onHold,
                              long authorId, String authorName, Integer authorBirthYear) {
    }

    /** A row to write, with the author it names and, for an update, the book as stored. */
    private record BookWrite(BookLine line, long authorId, StoredBook stored) {
    }

    private record StoredAuthor(long id, Integer birthYear) {
    }

    /**
     * @param known    authors the importer has resolved already (from earlier batches)
     * @param progress the import's counts before the batch: written with the batch's added, in its transaction
     * @throws BatchConflictException  when a concurrent change makes the batch fail; nothing of it is written
     * @throws ImportStoppedException when the import was ended meanwhile; nothing of the batch is written
     */
    public BookOutcome writeBooks(List<BookLine> lines, Map<AuthorKey, Long> known, ImportJob.Checkpoint progress) {
        try (Connection connection = dataSource.getConnection()) {
            List<RowError> rejected = new ArrayList<>();
            Map<String, StoredBook> stored = storedBooks(connection, lines.stream().map(BookLine::isbn).toList());
            Map<AuthorKey, String> refusedAuthors = new HashMap<>();
            List<ChangeLog.Logged> logged = new ArrayList<>(); // the authors created first, then the books
            Map<AuthorKey, Long> authors = resolveAuthors(connection,
                    lines.stream().filter(line -> !keepsItsAuthor(stored.get(line.isbn()), line)).toList(),
                    known, refusedAuthors, logged);

            List<BookWrite> inserts = new ArrayList<>();
            List<BookWrite> updates = new ArrayList<>();
            int unchanged = 0;
            for (BookLine line : lines) {
                StoredBook book = stored.get(line.isbn());
                long authorId;
                if (keepsItsAuthor(book, line)) {
                    authorId = book.authorId();
                } else if (refusedAuthors.containsKey(line.author())) {
                    rejected.add(new RowError(line.line(), refusedAuthors.get(line.author())));
                    continue;
                } else {
                    authorId = known.containsKey(line.author()) ? known.get(line.author()) : authors.get(line.author());
                }
                if (book == null) {
                    inserts.add(new BookWrite(line, authorId, null));
                } else if (line.copies() < book.onLoan() + book.onHold()) {
                    rejected.add(copiesBelowOut(line, book.onLoan() + book.onHold()));
                } else if (sameBook(book, line, authorId)) {
                    unchanged++;
                } else {
                    updates.add(new BookWrite(line, authorId, book));
                }
            }
            insertBooks(connection, inserts);
            List<Long> copiesAdded = new ArrayList<>();
            Set<String> updatedIsbns = new HashSet<>();
            int updated = updateBooks(connection, updates, rejected, copiesAdded, updatedIsbns);
            // the search words of new books, and of books whose title or author changed
            SearchWords.reindex(connection, "b.isbn", inserts.stream().map(write -> write.line().isbn()).toList(), true);
            SearchWords.reindex(connection, "b.id", updates.stream()
                    .filter(write -> !write.stored().title().equals(write.line().title()) || write.stored().authorId() != write.authorId())
                    .map(write -> write.stored().id()).toList(), false);
            logBooks(connection, inserts, updatedIsbns, logged);
            ChangeLog.append(connection, logged, clock.millis());
            ImportJobs.save(connection, progress, new ImportJobs.BatchCounts(inserts.size(), updated, unchanged, rejected),
                    clock.millis());
            return new BookOutcome(inserts.size(), updated, unchanged, rejected, authors,
                    waitedFor(connection, copiesAdded));
        } catch (SQLException e) {
            throw ImportJdbc.conflictOrFailure(e);
        }
    }

    // ---- authors ---------------------------------------------------------------------------

    /** The authors of the batch that {@code known} lacks: found (see {@link AuthorKey}) or created. */
    private Map<AuthorKey, Long> resolveAuthors(Connection connection, List<BookLine> lines, Map<AuthorKey, Long> known,
                                                Map<AuthorKey, String> refused, List<ChangeLog.Logged> created) throws SQLException {
        Map<AuthorKey, Integer> wanted = new LinkedHashMap<>(); // key -> death year of its first row
        for (BookLine line : lines) {
            if (!known.containsKey(line.author())) {
                wanted.putIfAbsent(line.author(), line.authorDeathYear());
            }
        }
        Map<AuthorKey, Long> resolved = new HashMap<>();
        if (wanted.isEmpty()) {
            return resolved;
        }
        Map<String, List<StoredAuthor>> byName = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        wanted.keySet().forEach(key -> names.add(key.name()));
        ImportJdbc.lookUp(connection, "SELECT id, name, birth_year FROM authors WHERE name IN ", names, rs ->
                byName.computeIfAbsent(rs.getString(2), name -> new ArrayList<>())
                        .add(new StoredAuthor(rs.getLong(1), ImportJdbc.integer(rs, 3))));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO authors (name, birth_year, death_year, version) VALUES (?, ?, ?, 1)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Map.Entry<AuthorKey, Integer> entry : wanted.entrySet()) {
                AuthorKey key = entry.getKey();
                List<StoredAuthor> candidates = byName.getOrDefault(key.name(), List.of()).stream()
                        .filter(a -> key.birthYear() == null || key.birthYear().equals(a.birthYear())).toList();
                if (candidates.size() > 1 && key.birthYear() == null) {
                    candidates = candidates.stream().filter(a -> a.birthYear() == null).toList();
                    if (candidates.size() != 1) {
                        refused.put(key, "author: several authors are called " + key.name()
                                + "; give author_birth_year to say which");
                        continue;
                    }
                }
                if (!candidates.isEmpty()) {
                    resolved.put(key, candidates.get(0).id()); // same name and year twice: the first one
                    continue;
                }
                insert.setString(1, key.name());
                ImportJdbc.setInteger(insert, 2, key.birthYear());
                ImportJdbc.setInteger(insert, 3, entry.getValue());
                insert.executeUpdate(); // one by one: Derby returns generated keys for single statements only
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    resolved.put(key, keys.getLong(1));
                    created.add(new ChangeLog.Logged(RecordType.AUTHOR, keys.getLong(1), ChangeAction.CREATED, 1,
                            Author.state(key.name(), key.birthYear(), entry.getValue())));
                }
            }
        }
        return resolved;
    }

    // ---- books -----------------------------------------------------------------------------

    private Map<String, StoredBook> storedBooks(Connection connection, Collection<String> isbns) throws SQLException {
        Map<String, StoredBook> stored = new HashMap<>();
        ImportJdbc.lookUp(connection, "SELECT b.isbn, b.id, b.title, b.publication_year, b.copies, b.on_loan, b.on_hold, b.author_id, "
                        + "a.name, a.birth_year FROM books b JOIN authors a ON a.id = b.author_id WHERE b.isbn IN ",
                new LinkedHashSet<>(isbns), rs -> stored.put(rs.getString(1), new StoredBook(rs.getLong(2), rs.getString(3),
                        ImportJdbc.integer(rs, 4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), rs.getString(9), ImportJdbc.integer(rs, 10))));
        return stored;
    }

    /**
     * A row naming the author the book has already (same name; same birth year, if the row gives
     * one) keeps that author, even where the name alone would be ambiguous: so that a catalogue
     * exported and imported again is the same catalogue, two authors of one name included.
     */
    private static boolean keepsItsAuthor(StoredBook book, BookLine line) {
        return book != null && book.authorName().equals(line.author().name())
                && (line.author().birthYear() == null || line.author().birthYear().equals(book.authorBirthYear()));
    }

    private static boolean sameBook(StoredBook book, BookLine line, long authorId) {
        return book.title().equals(line.title()) && Objects.equals(book.publicationYear(), line.publicationYear())
                && book.copies() == line.copies() && book.authorId() == authorId;
    }

    private static RowError copiesBelowOut(BookLine line, int out) {
        return new RowError(line.line(), "copies: " + out + " cop" + (out == 1 ? "y is" : "ies are")
                + " out on loan or set aside for holds, so copies cannot be " + line.copies());
    }

    private static void insertBooks(Connection connection, List<BookWrite> inserts) throws SQLException {
        try (RowInserts insert = new RowInserts(connection,
                "INSERT INTO books (isbn, title, publication_year, copies, on_loan, on_hold, author_id, version)",
                "(?, ?, ?, ?, 0, 0, ?, 1)", Types.CHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.BIGINT)) {
            for (BookWrite write : inserts) {
                BookLine line = write.line();
                insert.add(line.isbn(), line.title(), line.publicationYear(), line.copies(), write.authorId());
            }
            insert.flush();
        }
    }

    /**
     * @return the number of rows updated; a row whose copies fell below the copies out meanwhile
     *         (the UPDATE's condition, re-checked by the database) goes to {@code rejected}
     */
    private static int updateBooks(Connection connection, List<BookWrite> updates, List<RowError> rejected,
                                   List<Long> copiesAdded, Set<String> updatedIsbns) throws SQLException {
        if (updates.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE books SET title = ?, publication_year = ?, copies = ?, author_id = ?, version = version + 1 "
                        + "WHERE id = ? AND on_loan + on_hold <= ?")) {
            for (BookWrite write : updates) {
                BookLine line = write.line();
                update.setString(1, line.title());
                ImportJdbc.setInteger(update, 2, line.publicationYear());
                update.setInt(3, line.copies());
                update.setLong(4, write.authorId());
                update.setLong(5, write.stored().id());
                update.setInt(6, line.copies());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int updated = 0;
            for (int i = 0; i < counts.length; i++) {
                BookLine line = updates.get(i).line();
                StoredBook book = updates.get(i).stored();
                if (counts[i] == 0) {
                    rejected.add(new RowError(line.line(), "copies: copies of the book were lent meanwhile, so copies cannot be "
                            + line.copies() + " now"));
                } else {
                    updated++;
                    updatedIsbns.add(line.isbn());
                    if (line.copies() > book.copies()) {
                        copiesAdded.add(book.id());
                    }
                }
            }
            return updated;
        }
    }

    /** The change log's entries of the books written, read back as they now are, in the batch's transaction. */
    private static void logBooks(Connection connection, List<BookWrite> inserts, Set<String> updatedIsbns,
                                 List<ChangeLog.Logged> logged) throws SQLException {
        Set<String> written = new LinkedHashSet<>();
        inserts.forEach(write -> written.add(write.line().isbn()));
        written.addAll(updatedIsbns);
        ImportJdbc.lookUp(connection, "SELECT id, isbn, title, publication_year, author_id, copies, version FROM books WHERE isbn IN ",
                written, rs -> logged.add(new ChangeLog.Logged(RecordType.BOOK, rs.getLong(1),
                        updatedIsbns.contains(rs.getString(2).strip()) ? ChangeAction.UPDATED : ChangeAction.CREATED, rs.getLong(7),
                        Book.state(rs.getString(2).strip(), rs.getString(3), ImportJdbc.integer(rs, 4), rs.getLong(5), rs.getInt(6)))));
    }

    /** Of the books given, those members are waiting for. */
    private static List<Long> waitedFor(Connection connection, List<Long> bookIds) throws SQLException {
        List<Long> waited = new ArrayList<>();
        if (!bookIds.isEmpty()) {
            ImportJdbc.lookUpIds(connection, "SELECT DISTINCT book_id FROM holds WHERE status = 'WAITING' AND book_id IN ",
                    new LinkedHashSet<>(bookIds), rs -> waited.add(rs.getLong(1)));
        }
        return waited;
    }
}
