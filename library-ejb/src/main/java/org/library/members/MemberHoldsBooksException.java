package org.library.members;

import org.library.platform.BusinessRuleException;

public class MemberHoldsBooksException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public MemberHoldsBooksException(String number, int books) {
        super("Member " + number + " still holds " + books + (books == 1 ? " book" : " books") + "; they must be returned before the member is deleted.");
    }

    @Override
    public String code() {
        return "member-holds-books";
    }
}
