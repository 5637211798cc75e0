package org.library.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets of calendar links: {@code cal_} and 32 random bytes in base64url (47 characters),
 * of which the database keeps the SHA-256 (a fast hash is enough for 256 random bits, as for API
 * tokens). The prefix differs from an API token's ({@code lib_}), so that neither door mistakes
 * one for the other, and a leaked link is recognisable.
 */
final class CalendarSecrets {

    static final String PREFIX = "cal_";

    /** The length of every secret: anything longer is refused before a pattern or a query looks at it. */
    static final int LENGTH = 47;

    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CalendarSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code presented} could be a secret at all: anything else is unknown without a database read. */
    static boolean wellFormed(String presented) {
        return presented != null && presented.length() == LENGTH && SHAPE.matcher(presented).matches();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
