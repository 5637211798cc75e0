package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class MemberHasOverdueLoansException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public MemberHasOverdueLoansException(String memberNumber, long overdue) {
        super("Member " + memberNumber + " has " + overdue + (overdue == 1 ? " overdue loan" : " overdue loans") + " and cannot borrow until " + (overdue == 1 ? "it is" : "they are") + " returned.");
    }

    @Override
    public String code() {
        return "member-has-overdue-loans";
    }
}
