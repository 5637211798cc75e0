package org.library.web.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of the application's schema, found in the database's own catalogue (so that a table
 * added later is counted too), as its row count and an order-independent checksum: the sum of a
 * hash of each row's values. Two snapshots are equal when no row was added, removed or changed.
 * Plain JDBC and quoted names as the catalogue spells them, so the same code reads Derby and
 * PostgreSQL.
 */
final class TableChecksums {

    record Table(long rows, long checksum) {
    }

    private TableChecksums() {
    }

    /** Each table's count and checksum, by lower-case name. */
    static Map<String, Table> of(Connection connection) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        for (String table : tables(connection)) {
            long rows = 0;
            long sum = 0;
            for (List<String> row : rows(connection, table)) {
                rows++;
                sum += hash(row);
            }
            tables.put(table.toLowerCase(Locale.ROOT), new Table(rows, sum));
        }
        return tables;
    }

    /** The tables of the connection's schema, as the catalogue names them. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /**
     * A table's rows, each as {@code column=value} in column order (values as text), the table named
     * as the catalogue spells it.
     */
    static List<List<String>> rows(Connection connection, String table) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().trim();
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns.getColumnCount());
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.add(columns.getColumnName(i).toLowerCase(Locale.ROOT) + "=" + result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The catalogue's spelling of a table name given in either case (Derby: upper, PostgreSQL: lower). */
    static String named(Connection connection, String table) throws SQLException {
        for (String name : tables(connection)) {
            if (name.equalsIgnoreCase(table)) {
                return name;
            }
        }
        throw new IllegalArgumentException("no table " + table);
    }

    private static long hash(List<String> row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : row) {
                sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
