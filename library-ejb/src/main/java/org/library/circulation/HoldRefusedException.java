package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class HoldRefusedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public HoldRefusedException(String reason) {
        super("The hold cannot be placed: " + reason);
    }

    @Override
    public String code() {
        return "hold-refused";
    }
}
