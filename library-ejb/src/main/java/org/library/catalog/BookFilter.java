package org.library.catalog;

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
}
