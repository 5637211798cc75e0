package org.library.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets of API tokens: {@code lib_} and 32 random bytes in base64url (47 characters), and
 * the SHA-256 the database keeps of them. The prefix makes a leaked token recognisable to secret
 * scanners and to people. A fast hash is enough, unlike for passwords: nobody can guess 256 random
 * bits, so there is nothing for a slow hash to slow down, and checking a token costs no more than
 * reading its row by the hash.
 */
public final class TokenSecrets {

    public static final String PREFIX = "lib_";

    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A new secret, to be shown once and then forgotten. */
    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code presented} could be a secret at all: anything else is refused without a database read. */
    static boolean wellFormed(String presented) {
        return presented != null && SHAPE.matcher(presented).matches();
    }

    /** What is stored of a secret: its SHA-256, 64 lower-case hex digits. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
