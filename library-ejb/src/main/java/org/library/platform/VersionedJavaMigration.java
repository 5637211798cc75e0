package org.library.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java, where a database's SQL cannot say it alike on Derby and
 * PostgreSQL. Its version is its place among the SQL scripts of {@code db/migration}; its checksum
 * is the version too, since the code, unlike a script, cannot be hashed (changing what an applied
 * migration does is never allowed). Each runs in the transaction Flyway gives it.
 *
 * <p>Found by {@link DatabaseMigration} through {@link java.util.ServiceLoader}: each is listed in
 * {@code META-INF/services/org.flywaydb.core.api.migration.JavaMigration}, so that the component
 * that owns the tables keeps its migration, and the platform names none of them.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

    private final int version;
    private final String description;

    protected VersionedJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
