package org.library.platform;

import java.util.List;

/**
 * The limit on what a caller may type into a search box or a {@code q} parameter, declared once
 * for every list (books, members, authors). A search is a handful of words; anything far longer
 * is a mistake or an attack, and reaches SQL as parameters and, for the catalogue, as one
 * predicate per word (see {@code BookFilter#MAX_WORDS}).
 */
public final class SearchText {

    /** Characters of a search text; a long title with its author's name fits. */
    public static final int MAX_LENGTH = 200;

    private SearchText() {
    }

    /**
     * @return the text stripped, or {@code null} when it is absent or blank
     * @throws InvalidInputException naming {@code field} when the text is longer than {@link #MAX_LENGTH}
     *         or holds a control character ({@link PlainText})
     */
    public static String bounded(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(List.of(new FieldViolation(field,
                    "must be at most " + MAX_LENGTH + " characters long")));
        }
        return PlainText.require(field, text).strip();
    }
}
