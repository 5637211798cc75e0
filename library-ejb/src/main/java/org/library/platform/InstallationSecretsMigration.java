package org.library.platform;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 8: the installation's random secrets ({@link InstallationSecrets}), made once, when
 * the schema is migrated. Flyway migrates under a lock of its own, so that two instances starting
 * together never make two different secrets; and SQL cannot make random bytes alike on every
 * database, hence a Java migration.
 */
public class InstallationSecretsMigration extends VersionedJavaMigration {

    public InstallationSecretsMigration() {
        super(8, "make the installation's secrets");
    }

    /** The key of the keyed hashes of user names and client addresses in {@code login_failures}. */
    public static final String LOGIN_KEYS = "login-keys";

    @Override
    public void migrate(Context context) throws SQLException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO installation_secrets (name, secret) VALUES (?, ?)")) {
            insert.setString(1, LOGIN_KEYS);
            insert.setString(2, Base64.getEncoder().encodeToString(secret));
            insert.executeUpdate();
        }
    }
}
