package org.library.platform.idempotency;

import java.util.List;
import java.util.Optional;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;

/**
 * The value of an {@code Idempotency-Key} request header, checked: 1 to {@value #MAX_LENGTH}
 * printable ASCII characters. Sent bare (no comma: that would read as two values) ({@code Idempotency-Key: 4f1c…}) or, as the IETF draft
 * writes it, as a structured-field string ({@code Idempotency-Key: "4f1c…"}); both name the same key.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";

    public static final int MAX_LENGTH = 255;

    private static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters (a UUID is a good key), "
            + "sent once";

    public IdempotencyKey {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw invalid();
        }
    }

    /**
     * The key a request names, empty when it sends none.
     *
     * @param values every value of the header the request carries ({@code null} or empty: none)
     * @throws InvalidInputException naming the header for a value that is no key, or for more than one
     */
    public static Optional<IdempotencyKey> of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid();
        }
        String text = values.get(0) == null ? "" : values.get(0).strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return Optional.of(new IdempotencyKey(unquoted(text.substring(1, text.length() - 1))));
        }
        if (text.indexOf(',') >= 0) {
            throw invalid(); // two headers joined into one list, or a key that reads as one
        }
        return Optional.of(new IdempotencyKey(text));
    }

    /** The inside of a structured-field string: {@code \"} and {@code \\} are its only escapes, a bare quote is none. */
    private static String unquoted(String inside) {
        StringBuilder key = new StringBuilder(inside.length());
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\') {
                if (++i == inside.length() || (inside.charAt(i) != '"' && inside.charAt(i) != '\\')) {
                    throw invalid();
                }
                c = inside.charAt(i);
            } else if (c == '"') {
                throw invalid();
            }
            key.append(c);
        }
        return key.toString();
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(List.of(new FieldViolation(HEADER, RULE)));
    }

    @Override
    public String toString() {
        return value;
    }
}
