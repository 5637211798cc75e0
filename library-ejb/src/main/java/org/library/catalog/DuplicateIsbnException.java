package org.library.catalog;

import org.library.platform.BusinessRuleException;

public class DuplicateIsbnException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateIsbnException(String isbn) {
        super("A book with ISBN " + isbn + " is already in the catalogue.");
    }

    @Override
    public String code() {
        return "duplicate-isbn";
    }
}
