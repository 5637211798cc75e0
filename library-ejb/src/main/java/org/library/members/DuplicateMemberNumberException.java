package org.library.members;

import org.library.platform.BusinessRuleException;

public class DuplicateMemberNumberException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateMemberNumberException(String number) {
        super("Member number " + number + " is already in use.");
    }

    @Override
    public String code() {
        return "duplicate-member-number";
    }
}
