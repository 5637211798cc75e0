package org.library.catalog;

/**
 * Announced, synchronously and inside the changing transaction (or after an import's batch
 * committed), when the library has more copies of a book than before: circulation offers them
 * to the members waiting for the book before anyone else may borrow them.
 */
public record CopiesAdded(long bookId) {
}
