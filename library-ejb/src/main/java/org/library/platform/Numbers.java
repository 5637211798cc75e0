package org.library.platform;

/**
 * Whole numbers read from text (a CSV value, a query parameter) with ASCII digits only.
 *
 * <p>Why not {@link Integer#parseInt} alone: it accepts every Unicode decimal digit, so
 * {@code "٣"} (Arabic-Indic three) or {@code "３"} (full-width three) would be read as 3. A value a
 * person cannot tell from text in the file, stored as a number nobody typed, is an input error
 * like any other non-number. The sign is as {@code parseInt} takes it: one optional {@code -} or
 * {@code +}.
 */
public final class Numbers {

    private Numbers() {
    }

    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @throws NumberFormatException when {@code text} is not an optional sign and ASCII digits, or
     *                               does not fit an {@code int}
     */
    public static int parseInt(String text) {
        return Integer.parseInt(checked(text));
    }

    /**
     * @throws NumberFormatException when {@code text} is not an optional sign and ASCII digits, or
     *                               does not fit a {@code long}
     */
    public static long parseLong(String text) {
        return Long.parseLong(checked(text));
    }

    private static String checked(String text) {
        if (text == null) {
            throw new NumberFormatException("no number");
        }
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == text.length()) {
            throw new NumberFormatException("not a number: \"" + text + "\"");
        }
        for (int i = start; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                throw new NumberFormatException("not a number with ASCII digits: \"" + text + "\"");
            }
        }
        return text;
    }
}
