package org.library.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.library.platform.VersionedJavaMigration;

/**
 * Schema version 5: indexes the words of the books catalogued before the search had its index
 * (V4 made the table), those that have no words yet. Words are cut in Java ({@link SearchWords#of}), which SQL cannot do alike
 * on every database, hence a Java migration.
 */
public class BookWordsMigration extends VersionedJavaMigration {

    public BookWordsMigration() {
        super(5, "index the words of the books already catalogued");
    }

    private static final int CHUNK = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = Long.MIN_VALUE;
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT b.id FROM books b WHERE b.id > ? AND NOT EXISTS (SELECT 1 FROM book_words w WHERE w.book_id = b.id) "
                        + "ORDER BY b.id FETCH FIRST " + CHUNK + " ROWS ONLY")) {
            while (true) {
                next.setLong(1, after);
                List<Long> ids = new ArrayList<>(CHUNK);
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.isEmpty()) {
                    return;
                }
                SearchWords.reindex(connection, "b.id", ids, true);
                after = ids.get(ids.size() - 1);
            }
        }
    }
}
