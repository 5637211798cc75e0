package org.library.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.library.platform.Limits;

/** What a caller supplies to create or change an author; the limits are the entity's. */
public record AuthorData(
        @NotBlank @Size(max = Limits.NAME_LENGTH) String name,
        @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) Integer birthYear,
        @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) Integer deathYear) {

    /** Named as a property so that the violation reports the field {@code deathYear}. */
    @AssertTrue(message = "must not be before the year of birth")
    public boolean isDeathYear() {
        return birthYear == null || deathYear == null || deathYear >= birthYear;
    }
}
