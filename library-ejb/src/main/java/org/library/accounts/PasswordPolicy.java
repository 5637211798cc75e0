package org.library.accounts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be, after NIST SP 800-63B: long enough, not absurdly long (PBKDF2 hashes
 * every character), not the user name; no composition rules, which make passwords weaker in
 * practice. Also generates the first-start admin password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** No look-alikes (0/O, 1/l/I), so that a password read from a log is typed right. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20; // about 116 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** @return why {@code password} is refused for {@code username}, or empty when it is fine */
    public static Optional<String> refusal(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("must not repeat the same few characters");
        }
        return Optional.empty();
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
