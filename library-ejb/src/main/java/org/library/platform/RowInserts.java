package org.library.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows written by multi-row inserts ({@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …}) of up
 * to {@link #ROWS} rows each, for the bulk writes of the import. Embedded Derby runs a JDBC batch
 * one statement at a time: a batch of N rows is N executions, and N firings of a statement trigger
 * (the catalogue's generation, {@code CatalogueGenerationMigration}); here it is one per
 * {@link #ROWS} rows. The rows left over are written in statements of powers of two (64, 32, … 1
 * rows), so that at most eight texts per table are ever compiled and kept in the database's
 * statement cache. PostgreSQL takes the same SQL.
 *
 * <p>Not thread-safe; {@link #flush()} writes what is pending, {@link #close()} closes the
 * statements without writing.
 */
public final class RowInserts implements AutoCloseable {

    /** Rows per statement: a power of two, see above. */
    static final int ROWS = 128;

    private final Connection connection;
    private final String insertInto;
    private final String row;
    private final int[] types;
    private final List<Object[]> pending = new ArrayList<>(ROWS);
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();

    /**
     * @param insertInto e.g. {@code INSERT INTO book_words (word, book_id, title)}
     * @param row        one row's values, e.g. {@code (?, ?, ?)}; constants allowed ({@code (?, 0, 1)})
     * @param types      the {@link java.sql.Types} of the row's parameters, in order
     */
    public RowInserts(Connection connection, String insertInto, String row, int... types) {
        this.connection = connection;
        this.insertInto = insertInto;
        this.row = row;
        this.types = types.clone();
    }

    /** Adds a row (its parameters' values, {@code null} for SQL NULL); writes when {@link #ROWS} are pending. */
    public void add(Object... values) throws SQLException {
        if (values.length != types.length) {
            throw new IllegalArgumentException("a row has " + types.length + " parameters, not " + values.length);
        }
        pending.add(values.clone());
        if (pending.size() == ROWS) {
            write(ROWS);
        }
    }

    /** Writes the rows still pending. */
    public void flush() throws SQLException {
        for (int rows = ROWS / 2; rows > 0; rows /= 2) {
            while (pending.size() >= rows) {
                write(rows);
            }
        }
    }

    private void write(int rows) throws SQLException {
        PreparedStatement statement = statements.get(rows);
        if (statement == null) {
            statement = connection.prepareStatement(insertInto + " VALUES " + String.join(", ", Collections.nCopies(rows, row)));
            statements.put(rows, statement);
        }
        int parameter = 1;
        List<Object[]> written = pending.subList(0, rows);
        for (Object[] values : written) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(parameter++, types[i]);
                } else {
                    statement.setObject(parameter++, values[i], types[i]);
                }
            }
        }
        statement.executeUpdate();
        written.clear();
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
