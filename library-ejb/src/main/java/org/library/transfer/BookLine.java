package org.library.transfer;

/**
 * A book row that passed the checks of {@code BookData} and {@code AuthorData}, normalised: the
 * ISBN as ISBN-13, the texts stripped.
 */
public record BookLine(long line, String isbn, String title, Integer publicationYear, int copies,
                AuthorKey author, Integer authorDeathYear) {
}
