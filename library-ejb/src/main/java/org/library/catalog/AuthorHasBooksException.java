package org.library.catalog;

import org.library.platform.BusinessRuleException;

public class AuthorHasBooksException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public AuthorHasBooksException(String name, long books) {
        super("Author \"" + name + "\" still has " + books + (books == 1 ? " book" : " books") + "; delete or reassign them first.");
    }

    @Override
    public String code() {
        return "author-has-books";
    }
}
