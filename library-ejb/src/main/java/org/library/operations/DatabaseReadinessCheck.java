package org.library.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.library.platform.DatabaseMigration;

/**
 * Ready when the database answers a query through the application's own datasource (its pool,
 * its credentials), within {@value #TIMEOUT_SECONDS} seconds. {@code VALUES (1)} costs the database
 * nothing and is accepted by Derby and PostgreSQL alike. The response names the database product
 * only: {@code /health} is public, and the URL would tell hosts and ports.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final int TIMEOUT_SECONDS = 3;

    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getPackageName());

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    private DataSource dataSource;

    /** Whether the database answers {@code VALUES (1)} through the pool within the timeout; why not is logged. */
    static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("VALUES (1)")) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The database does not answer: " + e);
            return false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("VALUES (1)")) {
                boolean answered = result.next() && result.getInt(1) == 1;
                return response.status(answered)
                        .withData("database", connection.getMetaData().getDatabaseProductName())
                        .build();
            }
        } catch (SQLException | RuntimeException e) {
            // the operator sees why in the log; the public response says only that it is down
            LOG.log(Level.WARNING, "Readiness: the database does not answer: " + e);
            return response.down().build();
        }
    }
}
