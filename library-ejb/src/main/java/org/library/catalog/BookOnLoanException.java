package org.library.catalog;

import org.library.platform.BusinessRuleException;

public class BookOnLoanException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public BookOnLoanException(String title, int onLoan) {
        super("\"" + title + "\" cannot be deleted: " + onLoan + (onLoan == 1 ? " copy is" : " copies are") + " out on loan.");
    }

    @Override
    public String code() {
        return "book-on-loan";
    }
}
