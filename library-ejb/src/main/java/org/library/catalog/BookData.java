package org.library.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.library.platform.Limits;

/**
 * What a caller supplies to create or change a book; the limits are the entity's. The ISBN, parsed
 * where it came in, is taken at creation only: it is the book's natural key.
 */
public record BookData(
        @NotNull Isbn isbn,
        @NotBlank @Size(max = Book.TITLE_LENGTH) String title,
        @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) Integer publicationYear,
        @NotNull @Min(1) @Max(Book.COPIES_MAX) Integer copies,
        @NotNull Long authorId) {
}
