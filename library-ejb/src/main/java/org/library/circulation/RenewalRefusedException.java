package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class RenewalRefusedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public RenewalRefusedException(String reason) {
        super("The loan cannot be renewed: " + reason);
        this.reason = reason;
    }

    /** Why not, without the sentence's start: what "Renew all" says beside each book it did not renew. */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return "renewal-refused";
    }
}
