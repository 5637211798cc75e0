package org.library.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, before anything else runs.
 *
 * <p>Why versioned SQL scripts (Flyway) instead of JPA schema generation: the schema carries
 * rules JPA annotations cannot express — CHECK constraints ({@code copies >= 1},
 * {@code on_loan <= copies}), {@code ON DELETE CASCADE} from profiles to librarians, named
 * constraints and indexes — and an operator's existing database must be migrated in place, never
 * dropped. The scripts in {@code db/migration} are the one definition of the schema.
 *
 * <p>The datasource connects to the database the operator chose with {@code library.db.url}
 * ({@link LibraryDataSource}); by default embedded Derby, the database {@code library} under
 * Derby's system directory ({@code -Dderby.system.home}, default: the server's working directory).
 * The same scripts migrate Derby and PostgreSQL: Flyway recognises the database from the
 * connection ({@code flyway-database-derby}, {@code flyway-database-postgresql}).
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATASOURCE,
        className = "org.library.platform.LibraryDataSource",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 40,
        maxIdleTime = 300,
        // A database that stops (embedded Derby shuts itself down after a fatal error; a database
        // server restarts) leaves every pooled connection dead: the pool checks a connection
        // (JDBC 4 isValid) before it hands it out, at most once a second, and on a dead one drops
        // them all, so that the next request connects afresh, which boots embedded Derby again.
        // Payara Micro and Payara Server read these; GlassFish 7 ignores them (docs/operations.md, "Health, metrics and logs").
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits each migration itself
public class DatabaseMigration {

    public static final String DATASOURCE = "java:app/jdbc/library";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway().dataSource(dataSource).load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now).");
    }

    /**
     * Every migration, the SQL scripts and the Java ones (where a database's SQL cannot say it), for
     * a datasource still to be given; the tests migrate their own databases with it.
     */
    public static FluentConfiguration flyway() {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .locations("classpath:db/migration")
                .javaMigrations(ServiceLoader.load(JavaMigration.class, DatabaseMigration.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get).toArray(JavaMigration[]::new));
    }
}
