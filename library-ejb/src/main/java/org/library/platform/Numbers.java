package org.library.platform;

import java.util.OptionalLong;

/**
 * Whole numbers as people and programs type them: ASCII digits only, optionally after a minus.
 * {@link Long#parseLong} also accepts the digits of other scripts ("٤٢", full-width "４２") and a
 * plus sign, so one record, id or ISBN could be spelt many ways, past UNIQUE indexes and caches
 * keyed by the text. Every number that comes in as text (query and path parameters, form fields,
 * CSV cells) is read here.
 */
public final class Numbers {

    /** As many digits as a long has: longer input is refused before it is looked at. */
    private static final int MAX_DIGITS = 19;

    private Numbers() {
    }

    /** One of 0 to 9, and no other script's digit. */
    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether every character is an ASCII digit, and there is at least one. */
    public static boolean isAsciiDigits(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the value of {@code text} (an optional leading {@code -}, then ASCII digits, within the
     *         range of a long), or empty when it is anything else
     */
    public static OptionalLong parseLong(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (digits.length() > MAX_DIGITS || !isAsciiDigits(digits)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }

    /** {@link #parseLong} within the range of an int. */
    public static java.util.OptionalInt parseInt(String text) {
        OptionalLong value = parseLong(text);
        if (value.isEmpty() || value.getAsLong() < Integer.MIN_VALUE || value.getAsLong() > Integer.MAX_VALUE) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((int) value.getAsLong());
    }
}
