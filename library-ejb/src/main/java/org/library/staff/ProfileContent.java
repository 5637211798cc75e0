package org.library.staff;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable part of a {@link Profile}, as one value: what a form or a request body supplies.
 * The limits are the columns' limits.
 */
public record ProfileContent(
        @Size(max = ProfileContent.BIO_LENGTH) String bio,
        @Size(max = ProfileContent.PHONE_LENGTH) @Pattern(regexp = ProfileContent.PHONE_PATTERN, message = ProfileContent.PHONE_MESSAGE)
        String phone,
        @Size(max = ProfileContent.OFFICE_LENGTH) String office) {

    /** The columns' lengths, declared here once: the entity maps them, the API's schema shows them. */
    public static final int BIO_LENGTH = 2000;
    public static final int PHONE_LENGTH = 40;
    public static final int OFFICE_LENGTH = 100;

    /** What a phone number may contain; the entity checks the same. */
    public static final String PHONE_PATTERN = "[+0-9 ()./-]*";
    public static final String PHONE_MESSAGE = "may hold only digits, spaces and + ( ) . / -";
}
