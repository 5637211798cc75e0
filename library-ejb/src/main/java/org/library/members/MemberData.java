package org.library.members;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.library.platform.EmailAddress;
import org.library.platform.Limits;

/**
 * What a caller supplies to create or change a member; the limits are the entity's. The member
 * number is taken at creation only (printed on the card). A new member's {@code joinedOn} defaults
 * to today and {@code active} to true; a change replaces the whole record, so it names both
 * ({@link Replacing}): a missing {@code active} must never quietly re-activate a card.
 */
public record MemberData(
        @NotNull MemberNumber memberNumber,
        @NotBlank @Size(max = Limits.NAME_LENGTH) String name,
        @NotNull EmailAddress email,
        @NotNull(groups = Replacing.class) @PastOrPresent LocalDate joinedOn,
        @NotNull(groups = Replacing.class) Boolean active) {

    /** The checks of a change to an existing member, on top of the default ones. */
    public interface Replacing {
    }

    /** Active unless said otherwise: a new card works at once. */
    public boolean activeOrDefault() {
        return active == null || active;
    }
}
