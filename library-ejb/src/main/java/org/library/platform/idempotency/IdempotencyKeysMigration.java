package org.library.platform.idempotency;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;
import org.library.platform.VersionedJavaMigration;

/**
 * Schema version 11: {@code idempotency_keys}, the keys of POST requests sent with an
 * {@code Idempotency-Key} header and the first answer to each ({@link IdempotencyKeys}). Kept in
 * the database, not per instance, so that a retry through another instance of a cluster is
 * recognised. A key belongs to its caller (the primary key is both), so two callers never collide.
 *
 * <p>A Java migration for one column: the answer's body may be larger than a {@code VARCHAR}
 * holds (an import's report lists up to a thousand refused rows), and the binary type that holds
 * it is spelt {@code BLOB} by Derby and {@code BYTEA} by PostgreSQL, with no name both know.
 */
public class IdempotencyKeysMigration extends VersionedJavaMigration {

    public IdempotencyKeysMigration() {
        super(11, "keep idempotency keys and their first answers");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String body = postgres ? "BYTEA" : "BLOB(" + StoredAnswer.MAX_BODY_BYTES + ")";
        List<String> statements = List.of(
                "CREATE TABLE idempotency_keys ("
                        + " caller VARCHAR(" + IdempotencyRecord.CALLER_LENGTH + ") NOT NULL,"
                        + " idem_key VARCHAR(" + IdempotencyKey.MAX_LENGTH + ") NOT NULL,"
                        + " request_method VARCHAR(10) NOT NULL,"
                        + " request_path VARCHAR(" + IdempotencyRecord.PATH_LENGTH + ") NOT NULL,"
                        // a keyed hash (hex) of the request's content type and body; known once the body is read
                        + " request_hash CHAR(64),"
                        + " state VARCHAR(12) NOT NULL,"
                        + " response_status INTEGER,"
                        // the answer's Content-Type, Location, Content-Location and ETag, one "Name: value" a line
                        + " response_headers VARCHAR(" + StoredAnswer.MAX_HEADER_CHARS + "),"
                        + " response_body " + body + ","
                        + " created_at BIGINT NOT NULL,"
                        + " completed_at BIGINT,"
                        + " CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, idem_key),"
                        + " CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('IN_PROGRESS', 'DONE', 'DONE_UNKEPT')),"
                        + " CONSTRAINT ck_idempotency_keys_done CHECK (state = 'IN_PROGRESS' OR (request_hash IS NOT NULL"
                        + " AND response_status IS NOT NULL AND completed_at IS NOT NULL)))",
                // the hourly pruning deletes the oldest first
                "CREATE INDEX ix_idempotency_keys_age ON idempotency_keys (created_at)");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
