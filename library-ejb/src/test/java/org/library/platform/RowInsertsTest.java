package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multi-row inserts on a real (in-memory) Derby: every row written once, NULLs kept, nothing lost at the end. */
class RowInsertsTest {

    private InMemoryDerby database;
    private Connection connection;

    @BeforeEach
    void table() throws SQLException {
        database = InMemoryDerby.empty("rows");
        connection = database.connection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), n INTEGER, fixed INTEGER NOT NULL)");
            // counts the statements that write to t: one per multi-row insert, whatever its rows
            statement.execute("CREATE TABLE writes (n INTEGER NOT NULL)");
            statement.execute("INSERT INTO writes VALUES (0)");
            statement.execute("CREATE TRIGGER counted AFTER INSERT ON t FOR EACH STATEMENT UPDATE writes SET n = n + 1");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        database.close();
    }

    @Test
    void everyRowIsWrittenOnceInStatementsOf128AndPowersOfTwoForTheRest() throws SQLException {
        try (RowInserts insert = new RowInserts(connection, "INSERT INTO t (id, name, n, fixed)", "(?, ?, ?, 7)",
                Types.INTEGER, Types.VARCHAR, Types.INTEGER)) {
            for (int i = 0; i < 300; i++) {
                insert.add(i, "row " + i, i % 3 == 0 ? null : i * 10);
            }
            insert.flush();
        }

        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name, n, fixed FROM t ORDER BY id")) {
            while (rs.next()) {
                int n = rs.getInt(3);
                String shown = rs.wasNull() ? "null" : String.valueOf(n);
                rows.add(rs.getInt(1) + "," + rs.getString(2) + "," + shown + "," + rs.getInt(4));
            }
        }
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0)).isEqualTo("0,row 0,null,7");
        assertThat(rows.get(1)).isEqualTo("1,row 1,10,7");
        assertThat(rows.get(299)).isEqualTo("299,row 299,2990,7");
        // 300 = 128 + 128 + 32 + 8 + 4
        assertThat(count("SELECT n FROM writes")).isEqualTo(5);
    }

    @Test
    void nothingPendingWritesNothingAndAWrongRowIsRefused() throws SQLException {
        try (RowInserts insert = new RowInserts(connection, "INSERT INTO t (id, name, n, fixed)", "(?, ?, ?, 7)",
                Types.INTEGER, Types.VARCHAR, Types.INTEGER)) {
            insert.flush();
            assertThatThrownBy(() -> insert.add(1, "two values")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM t")).isZero();
        assertThat(count("SELECT n FROM writes")).isZero();
    }

    private int count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
