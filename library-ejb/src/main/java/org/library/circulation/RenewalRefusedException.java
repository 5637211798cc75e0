package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class RenewalRefusedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public RenewalRefusedException(String reason) {
        super("The loan cannot be renewed: " + reason);
    }

    @Override
    public String code() {
        return "renewal-refused";
    }
}
