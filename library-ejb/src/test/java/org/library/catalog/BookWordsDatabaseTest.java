package org.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.platform.InMemoryDerby;

/**
 * The search's word index on a real (in-memory) Derby with the application's migrations: what the
 * V5 migration writes for books catalogued before it, and how {@link SearchWords#reindex} keeps the
 * rows in step with titles, authors and deletions.
 */
class BookWordsDatabaseTest {

    private InMemoryDerby database;
    private Connection connection;

    @BeforeEach
    void schemaBeforeTheWordIndex() throws SQLException {
        database = InMemoryDerby.empty("words");
        database.flyway().target("4").load().migrate();
        connection = database.connection();
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        database.close();
    }

    @Test
    void theMigrationIndexesTheBooksCataloguedBeforeIt() throws SQLException {
        long author = author("Charlotte Brontë");
        long jane = book(author, "9780141441146", "Jane Eyre");
        long villette = book(author, "9780141434889", "Villette");

        database.flyway().load().migrate();

        assertThat(words(jane)).containsExactlyInAnyOrder("jane", "eyre", "charlotte", "bronte");
        assertThat(words(villette)).containsExactlyInAnyOrder("villette", "charlotte", "bronte");
        assertThat(titleOrder("bronte")).containsExactly(jane, villette);
    }

    @Test
    void reindexingReplacesTheWordsOfAChangedTitleOrAuthor() throws SQLException {
        database.flyway().load().migrate();
        long author = author("Mary Shelley");
        long book = book(author, "9780141439471", "Frankenstein");
        SearchWords.reindex(connection, "b.isbn", List.of("9780141439471"), true);

        execute("UPDATE books SET title = 'The Last Man' WHERE id = " + book);
        execute("UPDATE authors SET name = 'Mary Wollstonecraft Shelley' WHERE id = " + author);
        SearchWords.reindex(connection, "b.author_id", List.of(author), false);

        assertThat(words(book)).containsExactlyInAnyOrder("the", "last", "man", "mary", "wollstonecraft", "shelley");
        assertThat(titleOrder("frankenstein")).isEmpty();
    }

    @Test
    void aDeletedBookTakesItsWordsWithIt() throws SQLException {
        database.flyway().load().migrate();
        long book = book(author("Bram Stoker"), "9780141439846", "Dracula");
        SearchWords.reindex(connection, "b.id", List.of(book), true);

        execute("DELETE FROM books WHERE id = " + book);

        assertThat(titleOrder("dracula")).isEmpty();
    }

    @Test
    void aBatchOfMoreRowsThanOneSortedRunIndexesEveryBookAndWord() throws SQLException {
        database.flyway().load().migrate();
        long author = author("Anthony Trollope");
        List<Long> books = new ArrayList<>();
        // six words a book, the author's two with them: more rows than one run, and some left for the last
        int count = SearchWords.SORTED_ROWS / 6 + 300;
        for (int i = 0; i < count; i++) {
            books.add(book(author, String.format("978%010d", i), "Barchester Chronicle Volume " + i));
        }

        assertThat(SearchWords.reindex(connection, "b.id", books, true)).isEqualTo(count);

        assertThat(rows()).isEqualTo(6L * count);
        assertThat(words(books.get(count - 1))).containsExactlyInAnyOrder(
                "barchester", "chronicle", "volume", String.valueOf(count - 1), "anthony", "trollope");
        assertThat(titleOrder("trollope")).hasSize(count);
    }

    @Test
    void rowsAreWrittenInTheIndexKeysOrderWordThenTitleThenBook() {
        List<SearchWords.Row> rows = new ArrayList<>(List.of(
                new SearchWords.Row("storm", 2, "A Storm"), new SearchWords.Row("lantern", 9, "The Lantern"),
                new SearchWords.Row("storm", 1, "A Storm"), new SearchWords.Row("lantern", 3, "Lantern Days")));

        rows.sort(SearchWords.KEY_ORDER);

        assertThat(rows).extracting(SearchWords.Row::bookId).containsExactly(3L, 9L, 1L, 2L);
    }

    private long author(String name) throws SQLException {
        return insert("INSERT INTO authors (name, version) VALUES ('" + name + "', 1)");
    }

    private long book(long author, String isbn, String title) throws SQLException {
        return insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES ('" + isbn + "', '" + title + "', 1, "
                + author + ", 1)");
    }

    private long insert(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private List<String> words(long book) throws SQLException {
        return column("SELECT word FROM book_words WHERE book_id = ?", book);
    }

    /** The books having the word, in the order the search reads them. */
    private long rows() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM book_words")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> titleOrder(String word) throws SQLException {
        return column("SELECT book_id FROM book_words WHERE word = ? ORDER BY title, book_id", word)
                .stream().map(Long::valueOf).toList();
    }

    private List<String> column(String sql, Object parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
