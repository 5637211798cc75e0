package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class LoanLimitReachedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public LoanLimitReachedException(String memberNumber, int limit) {
        super("Member " + memberNumber + " already holds " + limit + " books, the most a member may hold at once; return one first.");
    }

    @Override
    public String code() {
        return "loan-limit-reached";
    }
}
