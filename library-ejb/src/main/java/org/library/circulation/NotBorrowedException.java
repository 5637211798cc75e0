package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class NotBorrowedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public NotBorrowedException(String memberNumber, String title) {
        super("Member " + memberNumber + " does not hold \"" + title + "\", so it cannot be returned by them.");
    }

    @Override
    public String code() {
        return "book-not-borrowed";
    }
}
