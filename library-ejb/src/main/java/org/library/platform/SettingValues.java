package org.library.platform;

/**
 * Numbers from the text of settings, which the components take from MicroProfile Config as text
 * ({@code @ConfigProperty … String}) and convert here, refusing a value that is no whole number
 * with the setting's name. Why not MicroProfile Config's own conversion to {@code int}: with an
 * injected {@code int}, Payara Micro 6 deployed the application given {@code -Dlibrary.max-loans=abc}
 * without a word (a typo such as {@code 5O} would go unnoticed), and each server words a failed
 * conversion its own way, without the setting's name.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /**
     * @throws IllegalArgumentException naming the setting when {@code text} is no whole number an
     *                                  {@code int} holds
     */
    public static int wholeNumber(String setting, String text) {
        long value = longNumber(setting, text);
        if (value != (int) value) {
            throw new IllegalArgumentException(setting + " must be a whole number up to " + Integer.MAX_VALUE + ", was '"
                    + text.strip() + "'");
        }
        return (int) value;
    }

    /** @throws IllegalArgumentException naming the setting when {@code text} is no whole number */
    public static long longNumber(String setting, String text) {
        String digits = text == null ? "" : text.strip();
        return Numbers.parseLong(digits) // ASCII digits only, as every number the library reads
                .orElseThrow(() -> new IllegalArgumentException(setting + " must be a whole number, was '" + digits + "'"));
    }
}
