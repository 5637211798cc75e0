package org.library.platform;

import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random secrets of this installation ({@code installation_secrets}), e.g. the key of keyed hashes
 * that every instance of a cluster must share: made once by the schema migration
 * ({@link InstallationSecretsMigration}), read from the database, kept in memory once read.
 * Nothing to configure, nothing in the repository.
 */
@Stateless
@Guarded
@Allowed(Roles.ANYONE)
public class InstallationSecrets {

    private static final Map<String, byte[]> KNOWN = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager em;

    /** @throws IllegalStateException when the migration did not make it (a schema from another build) */
    public byte[] secret(String name) {
        return KNOWN.computeIfAbsent(name, this::read);
    }

    private byte[] read(String name) {
        java.util.List<?> stored = em.createNativeQuery("SELECT secret FROM installation_secrets WHERE name = ?")
                .setParameter(1, name).getResultList();
        if (stored.isEmpty()) {
            throw new IllegalStateException("No installation secret " + name + " in the database");
        }
        return Base64.getDecoder().decode(String.valueOf(stored.get(0)));
    }
}
