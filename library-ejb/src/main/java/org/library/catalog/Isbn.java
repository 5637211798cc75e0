package org.library.catalog;

import java.util.Optional;
import org.library.platform.Numbers;

/**
 * International Standard Book Numbers: checks the ISBN-10 and ISBN-13 check digits and brings
 * every valid input to one stored form, the 13 digits of the ISBN-13 without separators. Digits
 * are ASCII only: a full-width or Arabic-Indic digit would otherwise pass the check-digit
 * arithmetic and be stored as typed, beside the same book in ASCII.
 *
 * <p>One form matters because the ISBN is the book's natural key: "0-14-143951-3",
 * "0141439513" and "978-0-14-143951-8" are the same book and must collide on the UNIQUE index.
 */
public final class Isbn {

    private Isbn() {
    }

    /**
     * @return the normalised ISBN-13, or empty when the input is not a valid ISBN-10 or ISBN-13
     *         (wrong length, a stray character, or a wrong check digit). Digits are ASCII only:
     *         the check digit arithmetic counts from '0', and the stored key has one spelling.
     */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (compact.startsWith("ISBN")) {
            compact = compact.substring(4).replaceFirst("^(1[03])?:?", "");
        }
        if (compact.length() == 13 && isValidIsbn13(compact)) {
            return Optional.of(compact);
        }
        if (compact.length() == 10 && isValidIsbn10(compact)) {
            String body = "978" + compact.substring(0, 9);
            return Optional.of(body + isbn13CheckDigit(body));
        }
        return Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalise(input).isPresent();
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
            int value;
            if (Numbers.isAsciiDigit(c)) {
                value = c - '0';
            } else if (c == 'X' && i == 9) {
                value = 10;
            } else {
                return false;
            }
            sum += (10 - i) * value;
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
