package org.library.transfer;

/**
 * Keeps spreadsheet programs from running a CSV value as a formula (OWASP "CSV Injection"): Excel,
 * LibreOffice and Google Sheets evaluate a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, TAB or CR, so a title such as {@code =HYPERLINK(…)} typed by anyone would run on the
 * computer of the librarian who opens the export. OWASP's remedy is a single quote in front, which
 * the spreadsheet takes as "this is text" and does not show.
 *
 * <p>The exports {@link #escape} every value and the import {@link #unescape}s every value, so
 * that a value comes back from export and import exactly as it was stored. For that the quote is
 * also put in front of a value that already starts with quotes before one of those characters
 * ({@code '=x} is written {@code ''=x}); the import takes one quote away from exactly such values.
 * Any other value is left alone both ways: {@code 'Salem's Lot} is written and read as it is.
 */
final class FormulaEscaping {

    private static final char QUOTE = '\'';

    private FormulaEscaping() {
    }

    /** The value to write: one quote more when a spreadsheet would (or, unescaped, could) take it for a formula. */
    static String escape(String value) {
        return startsWithFormula(value, 0) ? QUOTE + value : value;
    }

    /** The value written by {@link #escape}: one quote less when the value is quotes before a formula character. */
    static String unescape(String value) {
        return !value.isEmpty() && value.charAt(0) == QUOTE && startsWithFormula(value, 1) ? value.substring(1) : value;
    }

    /** From {@code from} on: any number of quotes, then a character that starts a formula. */
    private static boolean startsWithFormula(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == QUOTE) {
            i++;
        }
        return i < value.length() && isFormulaStart(value.charAt(i));
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
