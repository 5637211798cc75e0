package org.library.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A throw-away in-memory Derby database for one test: a name of its own (so tests never share
 * rows), the application's own migrations to bring it to any version, one connection, and the
 * database dropped on {@link #close()}, so that its memory goes with the test.
 */
public final class InMemoryDerby implements AutoCloseable {

    private final String url;
    private Connection connection;

    private InMemoryDerby(String name) {
        url = "jdbc:derby:memory:" + name + "-" + UUID.randomUUID();
    }

    /** A new, empty database; {@code name} only tells the databases of different tests apart. */
    public static InMemoryDerby empty(String name) {
        return new InMemoryDerby(name);
    }

    /** A new database migrated to the schema this build expects, every migration applied. */
    public static InMemoryDerby migrated(String name) {
        InMemoryDerby database = new InMemoryDerby(name);
        database.flyway().load().migrate();
        return database;
    }

    /** The application's migrations ({@link DatabaseMigration#flyway()}) for this database, e.g. to stop at a target. */
    public FluentConfiguration flyway() {
        return DatabaseMigration.flyway().dataSource(url + ";create=true", null, null);
    }

    /** The test's connection, opened (and the database created) on first use. */
    public Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url + ";create=true");
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        try {
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException dropped) {
            // Derby reports a dropped database with an exception (08006)
        }
    }
}
