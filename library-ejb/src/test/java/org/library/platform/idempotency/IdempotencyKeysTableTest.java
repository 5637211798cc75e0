package org.library.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.library.platform.InMemoryDerby;
import org.library.platform.SqlStates;

/**
 * The table V11 makes, on a Derby database migrated by every migration of this build: one claim
 * per caller and key (the second insert is the integrity violation a claim reads as "taken"),
 * the same key free for another caller, a finished row only with its answer, and an answer of the
 * largest kept size stored and read back whole.
 */
class IdempotencyKeysTableTest {

    private static final String CLAIM = "INSERT INTO idempotency_keys (caller, idem_key, request_method, request_path, state, "
            + "created_at) VALUES (?, ?, 'POST', 'books', 'IN_PROGRESS', 1)";

    @Test
    void aKeyIsClaimedOncePerCallerAndAFinishedRowKeepsItsAnswer() throws SQLException {
        try (InMemoryDerby database = InMemoryDerby.migrated("idempotency-keys")) {
            Connection connection = database.connection();
            claim(connection, "admin", "k1");
            assertThatThrownBy(() -> claim(connection, "admin", "k1"))
                    .satisfies(e -> assertThat(SqlStates.integrityViolation(e)).isPresent());
            claim(connection, "m000101", "k1"); // another caller's key of the same name

            // DONE without its answer is refused by the database too
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "UPDATE idempotency_keys SET state = 'DONE' WHERE caller = 'admin'"))
                    .satisfies(e -> assertThat(SqlStates.integrityViolation(e)).isPresent());

            byte[] body = new byte[StoredAnswer.MAX_BODY_BYTES];
            Arrays.fill(body, (byte) 'x');
            try (PreparedStatement done = connection.prepareStatement("UPDATE idempotency_keys SET state = 'DONE', "
                    + "request_hash = ?, response_status = 201, response_headers = ?, response_body = ?, completed_at = 2 "
                    + "WHERE caller = 'admin' AND idem_key = 'k1'")) {
                done.setString(1, "0".repeat(64));
                done.setString(2, "Location: http://h/library/api/books/1\n");
                done.setBytes(3, body);
                assertThat(done.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT response_status, response_body FROM idempotency_keys WHERE caller = 'admin' AND idem_key = 'k1'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(201);
                assertThat(row.getBytes(2)).isEqualTo(body);
            }
        }
    }

    private static void claim(Connection connection, String caller, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.executeUpdate();
        }
    }
}
