package org.library.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a password matched an account's stored hash, so that a REST
 * client sending HTTP Basic on every request pays for PBKDF2 (deliberately slow: hundreds of
 * milliseconds) once, not per request.
 *
 * <p>What is kept is an HMAC, under a random key that never leaves this process, of the stored
 * hash and the password; never the password. Because the stored hash is part of the MAC, a
 * changed password stops matching at once, on every instance, without any invalidation.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, Instant expires) {
    }

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    boolean matches(String username, String storedHash, String password, Instant now) {
        Entry entry = entries.get(username);
        return entry != null && now.isBefore(entry.expires())
                && MessageDigest.isEqual(entry.mac(), mac(storedHash, password));
    }

    void remember(String username, String storedHash, String password, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded; the price is one PBKDF2 per active client
        }
        entries.put(username, new Entry(mac(storedHash, password), now.plus(TTL)));
    }

    private volatile String decoy;

    /** A hash of a random password, to verify against when the user name is unknown. */
    String decoyHash(jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash hashes) {
        String hash = decoy;
        if (hash == null) {
            hash = hashes.generate(PasswordPolicy.generate().toCharArray());
            decoy = hash;
        }
        return hash;
    }

    void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String storedHash, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
