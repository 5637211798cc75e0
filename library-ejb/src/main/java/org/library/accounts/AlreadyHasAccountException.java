package org.library.accounts;

import org.library.platform.BusinessRuleException;

public class AlreadyHasAccountException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public AlreadyHasAccountException(String who) {
        super(who + " has a login account already; reset its password instead.");
    }

    @Override
    public String code() {
        return "already-has-account";
    }
}
