package org.library.circulation;

import org.library.platform.BusinessRuleException;

/**
 * A member has as many holds waiting or ready as the library allows: without a limit one member
 * could queue for every book that is out and block every renewal of those books.
 */
public class HoldLimitReachedException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public HoldLimitReachedException(String memberNumber, int limit) {
        super("Member " + memberNumber + " already has " + limit + " holds waiting or ready, the most a member may have; "
                + "cancel one or collect a book first.");
    }

    @Override
    public String code() {
        return "hold-limit-reached";
    }
}
