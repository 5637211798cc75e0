package org.library.catalog;

import org.library.platform.BusinessRuleException;

public class BookOnHoldException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public BookOnHoldException(String title, long holds) {
        super("\"" + title + "\" cannot be deleted: " + holds + (holds == 1 ? " member is" : " members are")
                + " waiting for it; their holds must be cancelled first.");
    }

    @Override
    public String code() {
        return "book-on-hold";
    }
}
