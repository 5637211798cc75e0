package org.library.catalog;

/**
 * Announced, synchronously and inside the deleting transaction, when a book with no copy out is
 * about to be deleted: the components that keep rows about the book (circulation's loans and
 * holds) remove them, or refuse the deletion by throwing, which rolls it back.
 */
public record BookRemoving(long bookId, String title) {
}
