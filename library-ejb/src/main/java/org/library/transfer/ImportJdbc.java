package org.library.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.library.platform.SqlStates;

/**
 * The JDBC an import batch is written with: look-ups of many keys in few statements, batched
 * statements, nullable integers, and what a failed batch means. Shared by {@link BookBatches} and
 * {@link MemberBatches}.
 */
final class ImportJdbc {

    /** Look-ups bind this many keys per statement (padded), so that Derby compiles each once. */
    static final int IN_LIST = 100;

    private ImportJdbc() {
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code select + "(?, ?, ...)"} for the keys, {@link #IN_LIST} at a time; the last chunk is
     * padded with its first key, so that every chunk is the same statement.
     */
    static void lookUp(Connection connection, String select, Collection<String> keys, RowReader reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        String sql = select + "(" + String.join(", ", java.util.Collections.nCopies(IN_LIST, "?")) + ")";
        List<String> all = new ArrayList<>(keys);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                for (int i = 0; i < IN_LIST; i++) {
                    statement.setString(i + 1, chunk.get(i < chunk.size() ? i : 0));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    /** The same look-up for numeric keys. */
    static void lookUpIds(Connection connection, String select, Set<Long> keys, RowReader reader) throws SQLException {
        String sql = select + "(" + String.join(", ", java.util.Collections.nCopies(IN_LIST, "?")) + ")";
        List<Long> all = new ArrayList<>(keys);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                for (int i = 0; i < IN_LIST; i++) {
                    statement.setLong(i + 1, chunk.get(i < chunk.size() ? i : 0));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    static void execute(PreparedStatement batch, int size) throws SQLException {
        if (size > 0) {
            batch.executeBatch();
        }
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /**
     * A constraint violated or a lock conflict: someone else changed the same rows meanwhile — a
     * {@link BatchConflictException}, which rolls the batch back and lets the importer retry its
     * rows one by one. Anything else is a failure of the database itself.
     */
    static RuntimeException conflictOrFailure(SQLException e) {
        if (SqlStates.integrityViolation(e).isPresent()) {
            return new BatchConflictException("conflicts with a change made at the same time (a duplicate or a broken "
                    + "reference); import the row again");
        }
        if (SqlStates.isTransientConflict(e)) {
            return new BatchConflictException("conflicts with a change made at the same time (records locked by another "
                    + "user); import the row again");
        }
        return new IllegalStateException("the database refused an import batch", e);
    }
}
