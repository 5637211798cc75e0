package org.library.members;

import org.library.platform.BusinessRuleException;

public class DuplicateEmailException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmailException(String email) {
        super("The e-mail address " + email + " is already in use by another account.");
    }

    @Override
    public java.util.Optional<String> field() {
        return java.util.Optional.of("email");
    }

    @Override
    public String code() {
        return "duplicate-email";
    }
}
