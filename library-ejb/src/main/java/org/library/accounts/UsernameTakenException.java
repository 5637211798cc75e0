package org.library.accounts;

import org.library.platform.BusinessRuleException;

public class UsernameTakenException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("The user name " + username + " is taken; choose another.");
    }

    @Override
    public String code() {
        return "username-taken";
    }
}
