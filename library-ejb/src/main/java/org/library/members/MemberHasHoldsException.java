package org.library.members;

import org.library.platform.BusinessRuleException;

public class MemberHasHoldsException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public MemberHasHoldsException(String number, long holds) {
        super("Member " + number + " has " + holds + (holds == 1 ? " hold" : " holds")
                + " waiting or ready; cancel them before the member is deleted.");
    }

    @Override
    public String code() {
        return "member-has-holds";
    }
}
