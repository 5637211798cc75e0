package org.library.web.faces;

import org.library.accounts.PasswordPolicy;

/** The password policy in words, for the hints beside password fields (the limits are the policy's). */
final class PasswordRules {

    static final String DESCRIPTION = PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
            + " characters, not containing the user name; a few words make a good one.";

    private PasswordRules() {
    }
}
