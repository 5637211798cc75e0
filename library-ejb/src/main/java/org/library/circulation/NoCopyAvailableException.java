package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class NoCopyAvailableException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public NoCopyAvailableException(String isbn, String title) {
        super("No copy of \"" + title + "\" (ISBN " + isbn + ") is available: every copy is out.");
    }

    @Override
    public String code() {
        return "no-copy-available";
    }
}
