package org.library.staff;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable part of a {@link Profile}, as one value: what a form or a request body supplies.
 * The limits are the columns' limits.
 */
public record ProfileContent(
        @Size(max = 2000) String bio,
        @Size(max = 40) @Pattern(regexp = ProfileContent.PHONE_PATTERN, message = ProfileContent.PHONE_MESSAGE)
        String phone,
        @Size(max = 100) String office) {

    /** What a phone number may contain; the entity checks the same. */
    public static final String PHONE_PATTERN = "[+0-9 ()./-]*";
    public static final String PHONE_MESSAGE = "may hold only digits, spaces and + ( ) . / -";
}
