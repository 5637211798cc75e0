package org.library.members;

import org.library.platform.BusinessRuleException;

public class DuplicateEmailException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmailException(String email) {
        super("The e-mail address " + email + " is already in use by another account.");
    }

    @Override
    public String code() {
        return "duplicate-email";
    }
}
