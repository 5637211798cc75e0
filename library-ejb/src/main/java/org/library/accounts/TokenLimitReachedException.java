package org.library.accounts;

import org.library.platform.BusinessRuleException;

/** As many tokens are usable as an installation may have ({@link ApiToken#MAX_USABLE}): revoke one first. */
public class TokenLimitReachedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public TokenLimitReachedException() {
        super(ApiToken.MAX_USABLE + " API tokens are usable already, the most this library allows; revoke one that is no longer needed.");
    }

    @Override
    public String code() {
        return "token-limit-reached";
    }
}
