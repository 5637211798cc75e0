package org.library.staff;

import org.library.platform.BusinessRuleException;

public class DuplicateStaffEmailException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateStaffEmailException(String email) {
        super("The e-mail address " + email + " is already in use by another librarian.");
    }

    @Override
    public String code() {
        return "duplicate-email";
    }
}
