package org.library.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 6: every instant column becomes a {@code BIGINT} of milliseconds since
 * 1970-01-01T00:00Z (see {@link InstantConverter} for why), under the same name, as nullable as
 * before, with the constraints and indexes over it made again.
 *
 * <p>The old {@code TIMESTAMP} values hold the wall-clock time of the JVM's default zone, the way
 * the application wrote them; they are read back the way it read them (JDBC {@code getTimestamp},
 * in that zone), so each row keeps the instant the application showed for it. Values written in
 * the hour a zone repeats each autumn were ambiguous already and read as the earlier of the two.
 * Hence a Java migration: the conversion depends on the JVM's zone, which SQL does not know; and
 * Derby and PostgreSQL spell renaming a column and setting it NOT NULL differently.
 *
 * <p>{@code ck_loans_due} ({@code due_on >= CAST(borrowed_at AS DATE)}) is dropped and not made
 * again: the day of an instant depends on a time zone (the library's, {@code library.time-zone}),
 * which the database does not know, and Derby has no function from epoch milliseconds to a date
 * at all. The rule still holds through {@code CirculationService}, the only writer of loans: a due
 * date is the library's day of borrowing plus the loan period, and a renewal only moves it later.
 */
public class UtcInstantsMigration extends VersionedJavaMigration {

    public UtcInstantsMigration() {
        super(6, "store instants as UTC epoch milliseconds");
    }

    private static final int CHUNK = 1000;

    private record Table(String name, List<Column> columns) {
    }

    private record Column(String name, boolean notNull) {

        String copy() {
            return name + "_ms";
        }
    }

    private static final List<Table> TABLES = List.of(
            new Table("loans", List.of(new Column("borrowed_at", true), new Column("returned_at", false))),
            new Table("holds", List.of(new Column("placed_at", true), new Column("closed_at", false))),
            new Table("accounts", List.of(new Column("locked_until", false), new Column("password_changed_at", true))));

    /** Everything over those columns (V1–V3), which would block or go with dropping them. */
    private static final List<String> DROP_FIRST = List.of(
            "ALTER TABLE loans DROP CONSTRAINT ck_loans_due",
            "ALTER TABLE loans DROP CONSTRAINT ck_loans_returned",
            "DROP INDEX ix_loans_member",
            "DROP INDEX ix_loans_book",
            "DROP INDEX ix_loans_open_due",
            "ALTER TABLE holds DROP CONSTRAINT ck_holds_closed",
            "DROP INDEX ix_holds_queue");

    /** The same, as V1 and V2 defined them, over the new columns (ck_loans_due aside, see above). */
    private static final List<String> MAKE_AGAIN = List.of(
            "ALTER TABLE loans ADD CONSTRAINT ck_loans_returned CHECK (returned_at IS NULL OR returned_at >= borrowed_at)",
            "CREATE INDEX ix_loans_member ON loans (member_id, borrowed_at)",
            "CREATE INDEX ix_loans_book ON loans (book_id, returned_at)",
            "CREATE INDEX ix_loans_open_due ON loans (returned_at, due_on)",
            "ALTER TABLE holds ADD CONSTRAINT ck_holds_closed CHECK ((status IN ('WAITING', 'READY')) OR closed_at IS NOT NULL)",
            "CREATE INDEX ix_holds_queue ON holds (book_id, status, placed_at, id)");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean derby = connection.getMetaData().getDatabaseProductName().equals("Apache Derby");
        try (Statement ddl = connection.createStatement()) {
            for (String sql : DROP_FIRST) {
                ddl.execute(sql);
            }
            for (Table table : TABLES) {
                for (Column column : table.columns()) {
                    ddl.execute("ALTER TABLE " + table.name() + " ADD COLUMN " + column.copy() + " BIGINT");
                }
                copy(connection, table);
                for (Column column : table.columns()) {
                    ddl.execute("ALTER TABLE " + table.name() + " DROP COLUMN " + column.name());
                    ddl.execute(derby
                            ? "RENAME COLUMN " + table.name() + "." + column.copy() + " TO " + column.name()
                            : "ALTER TABLE " + table.name() + " RENAME COLUMN " + column.copy() + " TO " + column.name());
                    if (column.notNull()) {
                        ddl.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name()
                                + (derby ? " NOT NULL" : " SET NOT NULL"));
                    }
                }
            }
            for (String sql : MAKE_AGAIN) {
                ddl.execute(sql);
            }
        }
    }

    /** Each row's instants into the new columns, a chunk of rows at a time in id order. */
    private static void copy(Connection connection, Table table) throws SQLException {
        List<Column> columns = table.columns();
        String select = "SELECT id, " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + " FROM " + table.name() + " WHERE id > ? ORDER BY id FETCH FIRST " + CHUNK + " ROWS ONLY";
        String update = "UPDATE " + table.name() + " SET "
                + columns.stream().map(c -> c.copy() + " = ?").collect(Collectors.joining(", ")) + " WHERE id = ?";
        try (PreparedStatement next = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(update)) {
            long after = Long.MIN_VALUE;
            while (true) {
                next.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        for (int i = 0; i < columns.size(); i++) {
                            // the JVM's default zone, in which the application wrote it
                            Timestamp written = rs.getTimestamp(i + 2);
                            if (written == null) {
                                write.setNull(i + 1, Types.BIGINT);
                            } else {
                                write.setLong(i + 1, written.toInstant().toEpochMilli());
                            }
                        }
                        write.setLong(columns.size() + 1, after);
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return;
                }
                write.executeBatch();
            }
        }
    }
}
