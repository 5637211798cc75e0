package org.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.platform.InMemoryDerby;

/**
 * The catalogue's generation on a real (in-memory) Derby with the application's migrations: the
 * database counts it up for every change a list of books shows, whoever writes it, and not for
 * circulation, which {@link CatalogueCache} reads live.
 */
class CatalogueGenerationTest {

    private InMemoryDerby database;
    private Connection connection;

    @BeforeEach
    void migrated() throws SQLException {
        database = InMemoryDerby.migrated("generation");
        connection = database.connection();
    }

    @AfterEach
    void drop() throws SQLException {
        database.close();
    }

    @Test
    void everyChangeAListShowsCountsTheGenerationUpAndCirculationDoesNot() throws SQLException {
        long start = generation();
        execute("INSERT INTO authors (name, version) VALUES ('Anne Brontë', 1)");
        assertThat(generation()).as("a new author: no list of books shows it yet").isEqualTo(start);

        execute("INSERT INTO books (isbn, title, copies, author_id, version) "
                + "SELECT '9780141439754', 'Agnes Grey', 2, id, 1 FROM authors");
        long added = generation();
        assertThat(added).as("a book added").isGreaterThan(start);

        execute("UPDATE books SET on_loan = 1, version = version + 1");
        execute("UPDATE books SET on_hold = 1, version = version + 1");
        assertThat(generation()).as("copies lent and set aside: read live, not counted").isEqualTo(added);

        execute("UPDATE books SET title = 'Agnes Grey, a novel'");
        long retitled = generation();
        assertThat(retitled).as("retitled").isGreaterThan(added);
        execute("UPDATE books SET copies = 3");
        long copies = generation();
        assertThat(copies).as("copies changed").isGreaterThan(retitled);
        execute("UPDATE authors SET name = 'Acton Bell'");
        long renamed = generation();
        assertThat(renamed).as("the author renamed").isGreaterThan(copies);
        execute("UPDATE authors SET birth_year = 1820");
        assertThat(generation()).as("the author's birth year: no list of books shows it").isEqualTo(renamed);

        execute("DELETE FROM books");
        assertThat(generation()).as("the book removed").isGreaterThan(renamed);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long generation() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT generation FROM catalogue_state")) {
            assertThat(rs.next()).isTrue();
            long generation = rs.getLong(1);
            assertThat(rs.next()).as("one row").isFalse();
            return generation;
        }
    }
}
