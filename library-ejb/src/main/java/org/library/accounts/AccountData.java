package org.library.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new account: its user name and first password. */
public record AccountData(
        @NotNull @Pattern(regexp = USERNAME_PATTERN, message = "must be 3 to 50 letters, digits, dots, dashes or underscores")
        String username,
        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
                message = "must be " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters")
        String password) {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]{3,50}";

    @Override
    public String toString() {
        return "AccountData[" + username + "]"; // never the password, not even in a log line
    }
}
