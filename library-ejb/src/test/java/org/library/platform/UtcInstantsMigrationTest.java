package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema V6 ({@link UtcInstantsMigration}) on a real (in-memory) Derby with the application's
 * migrations, in a JVM whose default zone has daylight saving time (Europe/Berlin), as a server's
 * may: rows written before it, the way the application wrote them (a {@code java.sql.Timestamp}
 * in the JVM's zone), keep their instants as UTC epoch milliseconds, and the constraints and
 * indexes over the columns hold again.
 */
class UtcInstantsMigrationTest {

    /** 02:40 summer time, the first time the clocks show 02:40 on the day they go back. */
    private static final Instant FIRST_0240 = Instant.parse("2026-10-25T00:40:00Z");
    /** Half an hour later, 02:10 winter time: the repeated hour. */
    private static final Instant SECOND_0210 = Instant.parse("2026-10-25T01:10:00Z");

    private TimeZone jvmZone;
    private InMemoryDerby database;
    private Connection connection;

    @BeforeEach
    void schemaBeforeV6InAZoneWithDaylightSavingTime() throws SQLException {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        database = InMemoryDerby.empty("instants");
        database.flyway().target("5").load().migrate();
        connection = database.connection();
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        try {
            database.close();
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    private void migrateToV6() {
        database.flyway().target("6").load().migrate();
    }

    @Test
    void everyInstantWrittenBeforeKeepsItsValueInUtcMilliseconds() throws SQLException {
        Instant summer = Instant.parse("2026-07-01T10:15:30.123Z");
        Instant winter = Instant.parse("2026-12-01T08:00:00.456Z");
        long member = member();
        long book = book();
        long returned = insert("INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, DATE('2026-07-22'), ?, 1)", member, book, written(summer), written(winter));
        long open = insert("INSERT INTO loans (member_id, book_id, borrowed_at, due_on, version) "
                + "VALUES (?, ?, ?, DATE('2026-12-22'), 1)", member, book, written(winter));
        long waiting = insert("INSERT INTO holds (member_id, book_id, placed_at, status, version) VALUES (?, ?, ?, 'WAITING', 1)",
                member, book, written(summer));
        long cancelled = insert("INSERT INTO holds (member_id, book_id, placed_at, status, closed_at, version) "
                + "VALUES (?, ?, ?, 'CANCELLED', ?, 1)", member, book, written(summer), written(winter));
        long locked = insert("INSERT INTO accounts (username, password_hash, role, member_id, locked_until, password_changed_at, "
                + "version) VALUES ('m000001', 'hash', 'MEMBER', ?, ?, ?, 1)", member, written(winter), written(summer));

        migrateToV6();

        assertThat(row("SELECT borrowed_at, returned_at FROM loans WHERE id = ?", returned))
                .containsExactly(summer.toEpochMilli(), winter.toEpochMilli());
        assertThat(row("SELECT borrowed_at, returned_at FROM loans WHERE id = ?", open)).containsExactly(winter.toEpochMilli(), null);
        assertThat(row("SELECT placed_at, closed_at FROM holds WHERE id = ?", waiting)).containsExactly(summer.toEpochMilli(), null);
        assertThat(row("SELECT placed_at, closed_at FROM holds WHERE id = ?", cancelled))
                .containsExactly(summer.toEpochMilli(), winter.toEpochMilli());
        assertThat(row("SELECT locked_until, password_changed_at FROM accounts WHERE id = ?", locked))
                .containsExactly(winter.toEpochMilli(), summer.toEpochMilli());
    }

    @Test
    void theColumnsBecomeBigintsAsNullableAsTheyWere() throws SQLException {
        assertThat(columns()).containsExactly(Map.entry("LOANS.BORROWED_AT", "TIMESTAMP NOT NULL"),
                Map.entry("LOANS.RETURNED_AT", "TIMESTAMP NULL"), Map.entry("HOLDS.PLACED_AT", "TIMESTAMP NOT NULL"),
                Map.entry("HOLDS.CLOSED_AT", "TIMESTAMP NULL"), Map.entry("ACCOUNTS.LOCKED_UNTIL", "TIMESTAMP NULL"),
                Map.entry("ACCOUNTS.PASSWORD_CHANGED_AT", "TIMESTAMP NOT NULL"));

        migrateToV6();

        assertThat(columns()).containsExactly(Map.entry("LOANS.BORROWED_AT", "BIGINT NOT NULL"),
                Map.entry("LOANS.RETURNED_AT", "BIGINT NULL"), Map.entry("HOLDS.PLACED_AT", "BIGINT NOT NULL"),
                Map.entry("HOLDS.CLOSED_AT", "BIGINT NULL"), Map.entry("ACCOUNTS.LOCKED_UNTIL", "BIGINT NULL"),
                Map.entry("ACCOUNTS.PASSWORD_CHANGED_AT", "BIGINT NOT NULL"));
        assertSqlState("23502", "INSERT INTO loans (member_id, book_id, due_on, version) VALUES (?, ?, DATE('2026-07-22'), 1)",
                member(), book());
    }

    @Test
    void aReturnInTheRepeatedAutumnHourWasRefusedBeforeAndIsStoredAfter() throws SQLException {
        long member = member();
        long book = book();
        // before: 02:10 (winter time) stored as a wall-clock time comes before 02:40 (summer time)
        assertSqlState("23513", "INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, DATE('2026-11-15'), ?, 1)", member, book, written(FIRST_0240), written(SECOND_0210));

        migrateToV6();

        long loan = insert("INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, DATE('2026-11-15'), ?, 1)", member, book, FIRST_0240.toEpochMilli(), SECOND_0210.toEpochMilli());
        assertThat(row("SELECT returned_at - borrowed_at FROM loans WHERE id = ?", loan)).containsExactly(30 * 60 * 1000L);
    }

    @Test
    void theConstraintsOverTheColumnsHoldAgainButTheDueDayCheck() throws SQLException {
        migrateToV6();
        long member = member();
        long book = book();
        long t = FIRST_0240.toEpochMilli();

        assertSqlState("23513", "INSERT INTO loans (member_id, book_id, borrowed_at, due_on, returned_at, version) "
                + "VALUES (?, ?, ?, DATE('2026-11-15'), ?, 1)", member, book, t, t - 1);
        long hold = insert("INSERT INTO holds (member_id, book_id, placed_at, status, version) VALUES (?, ?, ?, 'WAITING', 1)",
                member, book, t);
        assertSqlState("23513", "UPDATE holds SET status = 'CANCELLED' WHERE id = ?", hold);
        assertThat(constraints("LOANS")).contains("CK_LOANS_RETURNED", "CK_LOANS_RENEWALS").doesNotContain("CK_LOANS_DUE");
        assertThat(constraints("HOLDS")).contains("CK_HOLDS_CLOSED", "CK_HOLDS_STATUS", "CK_HOLDS_READY");
    }

    @Test
    void theIndexesOverTheColumnsAreMadeAgainWithTheirColumns() throws SQLException {
        migrateToV6();

        Map<String, List<String>> loans = indexes("LOANS");
        assertThat(loans).containsEntry("IX_LOANS_MEMBER", List.of("MEMBER_ID", "BORROWED_AT"))
                .containsEntry("IX_LOANS_BOOK", List.of("BOOK_ID", "RETURNED_AT"))
                .containsEntry("IX_LOANS_OPEN_DUE", List.of("RETURNED_AT", "DUE_ON"));
        assertThat(indexes("HOLDS")).containsEntry("IX_HOLDS_QUEUE", List.of("BOOK_ID", "STATUS", "PLACED_AT", "ID"));
    }

    /** How the application stored an instant until V6: a timestamp in the JVM's default zone. */
    private static Timestamp written(Instant instant) {
        return Timestamp.from(instant);
    }

    private long member() throws SQLException {
        String number = "M" + UUID.randomUUID().toString().substring(0, 8);
        return insert("INSERT INTO members (member_number, name, email, joined_on, version) VALUES (?, 'Reader', ?, "
                + "DATE('2026-01-01'), 1)", number, number + "@example.org");
    }

    private long book() throws SQLException {
        long author = insert("INSERT INTO authors (name, version) VALUES ('Author', 1)");
        String isbn = ("978" + UUID.randomUUID().toString().replaceAll("\\D", "") + "0000000000").substring(0, 13);
        return insert("INSERT INTO books (isbn, title, copies, author_id, version) VALUES (?, 'Title', 1, ?, 1)", isbn, author);
    }

    private long insert(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private List<Object> row(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    long value = rs.getLong(i);
                    values.add(rs.wasNull() ? null : value);
                }
                return values;
            }
        }
    }

    /** Each instant column's type and nullability, e.g. {@code BIGINT NOT NULL}. */
    private Map<String, String> columns() throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : List.of("LOANS.BORROWED_AT", "LOANS.RETURNED_AT", "HOLDS.PLACED_AT", "HOLDS.CLOSED_AT",
                "ACCOUNTS.LOCKED_UNTIL", "ACCOUNTS.PASSWORD_CHANGED_AT")) {
            String[] name = column.split("\\.");
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, name[0], name[1])) {
                assertThat(rs.next()).as(column).isTrue();
                columns.put(column, rs.getString("TYPE_NAME") + (rs.getString("IS_NULLABLE").equals("YES") ? " NULL" : " NOT NULL"));
            }
        }
        return columns;
    }

    private List<String> constraints(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c "
                + "JOIN SYS.SYSTABLES t ON t.TABLEID = c.TABLEID WHERE t.TABLENAME = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The table's indexes by name, each with its columns in order. */
    private Map<String, List<String>> indexes(String table) throws SQLException {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rs.getString("INDEX_NAME"), name -> new ArrayList<>())
                            .add(rs.getShort("ORDINAL_POSITION") - 1, rs.getString("COLUMN_NAME"));
                }
            }
        }
        return indexes;
    }

    private void assertSqlState(String expectedState, String sql, Object... parameters) {
        assertThatThrownBy(() -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(expectedState));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
