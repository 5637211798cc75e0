package org.library.catalog;

import java.util.Locale;
import java.util.Optional;
import org.library.platform.NaturalKey;
import org.library.platform.Numbers;

/**
 * An International Standard Book Number, the book's natural key: parsed once where it enters the
 * system (the API's JSON, a form's converter, a CSV row) and carried as this type from there on,
 * so that services, finders and the entity never normalise it again.
 *
 * <p>Every valid form ("0-14-143951-3", "0141439513", "ISBN 978-0-14-143951-8") becomes one value,
 * the 13 digits of the ISBN-13 without separators: they are the same book and must collide on the
 * UNIQUE index. Digits are ASCII only: a full-width or Arabic-Indic digit would otherwise pass the
 * check-digit arithmetic and be stored as typed, beside the same book in ASCII.
 */
public final class Isbn extends NaturalKey {

    private static final long serialVersionUID = 1L;

    /** What a refused input is told, at every front door. */
    public static final String FORM = "must be a valid ISBN-10 or ISBN-13 (check digit included)";

    /** An input longer than this is not an ISBN, however it is spelt ("ISBN-13: 978-…" is 23). */
    private static final int MAX_INPUT = 40;

    private Isbn(String value) {
        super(value);
    }

    /**
     * @return the ISBN, or empty when the input is not a valid ISBN-10 or ISBN-13 (wrong length,
     *         a stray character, or a wrong check digit)
     */
    public static Optional<Isbn> parse(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String compact = input.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.startsWith("ISBN")) {
            compact = compact.substring(4).replaceFirst("^(1[03])?:?", "");
        }
        if (compact.length() == 13 && isValidIsbn13(compact)) {
            return Optional.of(new Isbn(compact));
        }
        if (compact.length() == 10 && isValidIsbn10(compact)) {
            String body = "978" + compact.substring(0, 9);
            return Optional.of(new Isbn(body + isbn13CheckDigit(body)));
        }
        return Optional.empty();
    }

    /**
     * For values known to be valid (tests, demo data, a row read back from the database).
     *
     * @throws IllegalArgumentException when it is not
     */
    public static Isbn of(String input) {
        return parse(input).orElseThrow(() -> new IllegalArgumentException("not a valid ISBN: " + input));
    }

    static boolean isValidIsbn13(String s) {
        if (!Numbers.isAsciiDigits(s) || !(s.startsWith("978") || s.startsWith("979"))) {
            return false;
        }
        return isbn13CheckDigit(s.substring(0, 12)) == s.charAt(12);
    }

    static boolean isValidIsbn10(String s) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            int digit;
            if (Numbers.isAsciiDigit(c)) {
                digit = c - '0';
            } else if (c == 'X' && i == 9) {
                digit = 10;
            } else {
                return false;
            }
            sum += (10 - i) * digit;
        }
        return sum % 11 == 0;
    }

    private static char isbn13CheckDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
