package org.library.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.library.platform.RowInserts;

/**
 * The word index behind the catalogue search ({@code book_words}): one row per distinct word of a
 * book's title and of its author's name, with the book's title beside it, so that the books having
 * a word come out of one index ({@code word, title, book_id}) already in title order. A search
 * for a word then reads one page of that index, whatever the size of the catalogue; a {@code LIKE
 * '%word%'} over the books reads all of them.
 *
 * <p>The rows are derived data, written in the same transaction as the book or the author they
 * come from: by {@link CatalogService} and by the CSV import, both through {@link #reindex}.
 */
public final class SearchWords {

    /** The longest word kept; longer ones are cut (both when indexed and when searched). */
    public static final int MAX_LENGTH = 40;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int CHUNK = 100;

    /**
     * Index rows held before they are written, in the key's order: a batch's rows written in that
     * order land together on the index's leaf pages, where in the books' order each row is on
     * another page (see {@link #reindex(Connection, String, Collection, boolean)}).
     */
    static final int SORTED_ROWS = 8_192;

    /** The primary key's order of {@code book_words}: word, title, book. */
    static final java.util.Comparator<Row> KEY_ORDER = java.util.Comparator.comparing(Row::word)
            .thenComparing(Row::title).thenComparingLong(Row::bookId);

    private SearchWords() {
    }

    /**
     * The words of a text as the index keeps them: lower case, accents dropped ("Brontë" is
     * "bronte"), split at everything that is neither a letter nor a digit ("O'Brien" is "o" and
     * "brien"), at most {@link #MAX_LENGTH} characters each, each once, in order of appearance.
     */
    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String word : NOT_A_WORD.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            }
        }
        return words;
    }

    /** The words a book is found by: its title's and its author's. */
    public static Set<String> ofBook(String title, String authorName) {
        Set<String> words = of(title);
        words.addAll(of(authorName));
        return words;
    }

    /**
     * {@link #reindex(Connection, String, Collection, boolean)} in the entity manager's transaction,
     * over its connection, after its pending changes are flushed by the caller.
     */
    public static void reindex(jakarta.persistence.EntityManager em, String column, Collection<?> keys, boolean fresh) {
        try {
            reindex(em.unwrap(Connection.class), column, keys, fresh);
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("could not index the words of the books with " + column + " in " + keys, e);
        }
    }

    /**
     * Writes the index rows of the books that {@code column} (of {@code books b}: {@code b.id},
     * {@code b.isbn}, {@code b.author_id}) matches with one of the keys, replacing what they had.
     *
     * @param fresh the books are new and have no rows yet (saves a delete per book)
     * @return the number of books indexed
     */
    public static int reindex(Connection connection, String column, Collection<?> keys, boolean fresh) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        List<Object> all = new ArrayList<>(new LinkedHashSet<>(keys));
        // one key (a book written through the services) is one probe of the index: a list of a hundred
        // copies of it can make Derby scan the table instead, and wait, holding the catalogue's
        // generation row, for a book another writer inserted and has not committed yet; that writer
        // waits for the generation row in turn (its insert's trigger), and one of the two is aborted
        int params = all.size() == 1 ? 1 : CHUNK;
        String select = "SELECT b.id, b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id WHERE " + column
                + " IN (" + String.join(", ", Collections.nCopies(params, "?")) + ")";
        int books = 0;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(select);
             PreparedStatement delete = connection.prepareStatement("DELETE FROM book_words WHERE book_id = ?");
             RowInserts insert = new RowInserts(connection, "INSERT INTO book_words (word, book_id, title)", "(?, ?, ?)",
                     Types.VARCHAR, Types.BIGINT, Types.VARCHAR)) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<Object> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                for (int i = 0; i < params; i++) {
                    // the last chunk repeats its first key, so that every chunk is the same statement
                    read.setObject(i + 1, chunk.get(i < chunk.size() ? i : 0));
                }
                List<Indexed> indexed = new ArrayList<>(chunk.size());
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        String title = rs.getString(2);
                        if (!fresh) {
                            delete.setLong(1, id);
                            delete.addBatch();
                        }
                        indexed.add(new Indexed(id, title, ofBook(title, rs.getString(3))));
                        books++;
                    }
                }
                if (!fresh) {
                    delete.executeBatch(); // before the new rows: a book's words may stay the same
                }
                for (Indexed book : indexed) {
                    for (String word : book.words()) {
                        rows.add(new Row(word, book.id(), book.title()));
                    }
                }
                if (rows.size() >= SORTED_ROWS) {
                    write(rows, insert);
                }
            }
            write(rows, insert); // a chunk's books are none of another's: their rows may wait for the next chunk's
            insert.flush();
        }
        return books;
    }

    /**
     * Writes the rows in the index's key order. A catalogue's titles and authors share their words,
     * so a batch's rows sorted fall on a few leaf pages of the index, one after another; in the
     * books' order every row is on another page, and once the index outgrows Derby's page cache
     * each is a page read and written (a million books: some seven million rows).
     */
    private static void write(List<Row> rows, RowInserts insert) throws SQLException {
        rows.sort(KEY_ORDER);
        for (Row row : rows) {
            insert.add(row.word(), row.bookId(), row.title());
        }
        rows.clear();
    }

    /** One row of {@code book_words}. */
    record Row(String word, long bookId, String title) {
    }

    /** A book's index rows to write: its id, title and words. */
    private record Indexed(long id, String title, Set<String> words) {
    }
}
