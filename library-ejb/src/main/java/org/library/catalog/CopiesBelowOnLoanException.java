package org.library.catalog;

import org.library.platform.BusinessRuleException;

public class CopiesBelowOnLoanException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public CopiesBelowOnLoanException(String title, int copies, int onLoan) {
        super("\"" + title + "\" cannot have " + copies + (copies == 1 ? " copy" : " copies") + " while " + onLoan + " are out on loan.");
    }

    @Override
    public String code() {
        return "copies-below-on-loan";
    }
}
