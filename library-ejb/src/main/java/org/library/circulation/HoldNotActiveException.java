package org.library.circulation;

import org.library.platform.BusinessRuleException;

public class HoldNotActiveException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public HoldNotActiveException(long holdId, Hold.Status status) {
        super("Hold " + holdId + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + " and can no longer be cancelled.");
    }

    @Override
    public String code() {
        return "hold-not-active";
    }
}
