package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class AlreadyHoldsBookException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public AlreadyHoldsBookException(String memberNumber, String title) {
        super("Member " + memberNumber + " already holds a copy of \"" + title + "\".");
    }

    @Override
    public String code() {
        return "already-holds-book";
    }
}
