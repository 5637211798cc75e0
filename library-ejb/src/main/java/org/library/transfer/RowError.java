package org.library.transfer;

/**
 * A row of an import that was not written, and why.
 *
 * @param line   the line of the file the row starts on (the header is line 1)
 * @param reason what to fix, naming the CSV columns
 */
public record RowError(long line, String reason) {
}
