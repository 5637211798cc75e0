package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The database itself enforces the relationships, whatever code writes to it: these tests go
 * around the application with plain SQL on the application's own datasource, and expect the
 * database (Derby, or PostgreSQL with -Ppostgresql) to refuse. SQLState 23505 is a UNIQUE or
 * primary-key violation, 23503 a foreign-key violation, 23502 a NOT NULL violation; a CHECK
 * violation is 23514 in the SQL standard and PostgreSQL, 23513 in Derby.
 */
class DatabaseIntegrityIT extends LibraryInContainerTest {

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @Test
    void aSecondProfileForOneLibrarianIsRefused() throws SQLException {
        long librarian = insert("INSERT INTO librarians (employee_number, name, email, version) VALUES (?, 'L', ?, 1)",
                TestData.employeeNumber(), TestData.email("l"));
        insert("INSERT INTO profiles (librarian_id, bio, version) VALUES (?, 'first', 1)", librarian);

        assertSqlState("23505", "INSERT INTO profiles (librarian_id, bio, version) VALUES (?, 'second', 1)", librarian);
        assertThat(count("SELECT COUNT(*) FROM profiles WHERE librarian_id = ?", librarian)).isEqualTo(1);
    }

    @Test
    void aProfileWithoutItsLibrarianIsRefused() {
        assertSqlState("23502", "INSERT INTO profiles (librarian_id, bio, version) VALUES (NULL, 'orphan', 1)");
        assertSqlState("23503", "INSERT INTO profiles (librarian_id, bio, version) VALUES (?, 'orphan', 1)", Long.MAX_VALUE);
    }

    @Test
    void deletingALibrarianDeletesItsProfileInTheDatabase() throws SQLException {
        long librarian = insert("INSERT INTO librarians (employee_number, name, email, version) VALUES (?, 'L', ?, 1)",
                TestData.employeeNumber(), TestData.email("l"));
        insert("INSERT INTO profiles (librarian_id, bio, version) VALUES (?, 'bio', 1)", librarian);

        update("DELETE FROM librarians WHERE id = ?", librarian);

        assertThat(count("SELECT COUNT(*) FROM profiles WHERE librarian_id = ?", librarian)).isZero();
    }

    @Test
    void aBookWithoutAnAuthorIsRefused() {
        assertSqlState("23502", "INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, NULL, 1)",
                TestData.isbn());
        assertSqlState("23503", "INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, ?, 1)",
                TestData.isbn(), Long.MAX_VALUE);
    }

    @Test
    void anAuthorWithBooksCannotBeDeletedInTheDatabase() throws SQLException {
        long author = insert("INSERT INTO authors (name, version) VALUES ('A', 1)");
        insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, ?, 1)", TestData.isbn(), author);

        assertSqlState("23503", "DELETE FROM authors WHERE id = ?", author);
    }

    @Test
    void duplicateIsbnsAndBadCopyCountsAreRefused() throws SQLException {
        long author = insert("INSERT INTO authors (name, version) VALUES ('A', 1)");
        String isbn = TestData.isbn();
        insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, ?, 1)", isbn, author);

        assertSqlState("23505", "INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, ?, 1)", isbn, author);
        assertSqlState(checkViolation(), "INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 0, ?, 1)",
                TestData.isbn(), author);
        assertSqlState(checkViolation(), "UPDATE books SET on_loan = 2 WHERE isbn = ?", isbn);
    }

    @Test
    void aDuplicateBorrowsRowIsRefused() throws SQLException {
        long author = insert("INSERT INTO authors (name, version) VALUES ('A', 1)");
        long book = insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 3, ?, 1)",
                TestData.isbn(), author);
        long member = insert("INSERT INTO members (member_number, name, email, joined_on, version) "
                + "VALUES (?, 'M', ?, CURRENT_DATE, 1)", TestData.memberNumber(), TestData.email("m"));
        update("INSERT INTO borrows (member_id, book_id) VALUES (?, ?)", member, book);

        assertSqlState("23505", "INSERT INTO borrows (member_id, book_id) VALUES (?, ?)", member, book);
        assertSqlState("23503", "INSERT INTO borrows (member_id, book_id) VALUES (?, ?)", member, Long.MAX_VALUE);
        assertSqlState("23503", "DELETE FROM members WHERE id = ?", member);
    }

    @Test
    void aLoanReturnedBeforeItWasBorrowedIsRefused() throws SQLException {
        long author = insert("INSERT INTO authors (name, version) VALUES ('A', 1)");
        long book = insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'T', 1, ?, 1)",
                TestData.isbn(), author);
        long member = insert("INSERT INTO members (member_number, name, email, joined_on, version) "
                + "VALUES (?, 'M', ?, CURRENT_DATE, 1)", TestData.memberNumber(), TestData.email("m"));
        // instants are UTC epoch milliseconds: 2026-10-25T00:40Z, and a millisecond before it
        long borrowed = 1_792_888_800_000L;

        assertSqlState(checkViolation(), "INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, CURRENT_DATE, ?, 1)", member, book, borrowed, borrowed - 1);
        assertSqlState("23502", "INSERT INTO loans (member_id, book_id, borrowed_at, due_on, version) "
                + "VALUES (?, ?, NULL, CURRENT_DATE, 1)", member, book);
        insert("INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, CURRENT_DATE, ?, 1)", member, book, borrowed, borrowed);
        assertThat(count("SELECT COUNT(*) FROM loans WHERE member_id = ?", member)).isEqualTo(1);
    }

    private String checkViolation() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("Apache Derby") ? "23513" : "23514";
        }
    }

    private long insert(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, parameters);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            s.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void assertSqlState(String expectedState, String sql, Object... parameters) {
        assertThatThrownBy(() -> update(sql, parameters))
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(expectedState));
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
