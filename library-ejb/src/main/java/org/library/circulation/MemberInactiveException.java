package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class MemberInactiveException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public MemberInactiveException(String memberNumber) {
        super("Member " + memberNumber + " is not active and cannot borrow; reactivate the membership first.");
    }

    @Override
    public String code() {
        return "member-inactive";
    }
}
