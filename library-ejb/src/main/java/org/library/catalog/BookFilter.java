package org.library.catalog;

import org.library.platform.SearchText;

/**
 * Which books a list shows; every part is optional.
 *
 * @param text          words that the title or the author's name must all have (whole words, any
 *                      order, case and accents ignored; {@code gard*} for every word beginning
 *                      "gard"), or the ISBN in any valid form
 * @param authorId      only this author's books
 * @param availableOnly only books with a copy on the shelf
 */
public record BookFilter(String text, Long authorId, boolean availableOnly) {

    public static final BookFilter ALL = new BookFilter(null, null, false);

    /**
     * The most distinct words a search may have. Each further word is one more predicate in the
     * search's SQL, and Derby's parser recurses per predicate: some 1,200 words overflowed its
     * stack, which Derby treats as fatal (it shut the database down). Ten words find any title.
     */
    public static final int MAX_WORDS = 10;

    /** The name of the search text where callers give it: the {@code q} parameter of the API and the pages. */
    public static final String TEXT_FIELD = "q";

    /** @throws org.library.platform.InvalidInputException when the text is longer than {@link SearchText#MAX_LENGTH} */
    public BookFilter {
        text = SearchText.bounded(TEXT_FIELD, text);
    }
}
