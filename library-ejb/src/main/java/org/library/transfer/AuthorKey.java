package org.library.transfer;

/**
 * How an imported row names its author. Authors have no natural key (two writers may share a
 * name), so a row is matched as follows, the name compared exactly as written (surrounding
 * spaces aside):
 * <ul>
 *   <li>with a birth year: the author of that name born that year; none: a new author;</li>
 *   <li>without: the one author of that name; several: the one of them whose birth year is
 *       unknown, and if that does not settle it the row is refused — give
 *       {@code author_birth_year}; none: a new author.</li>
 * </ul>
 * A row for a book already catalogued that names the book's own author (same name, and the same
 * birth year if given) keeps that author, ambiguous name or not: a catalogue exported and
 * imported again stays the same. An author found is reused as it is: a book import never changes
 * an existing author.
 */
public record AuthorKey(String name, Integer birthYear) {
}
