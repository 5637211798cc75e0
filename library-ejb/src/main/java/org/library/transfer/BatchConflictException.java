package org.library.transfer;

import org.library.platform.BusinessRuleException;

/**
 * A batch of an import met a change made at the same time by someone else (a member number, an
 * e-mail address or an ISBN inserted meanwhile, a lock held too long). The batch is rolled back
 * whole; the importer then writes its rows one by one, so that only the rows concerned are
 * refused.
 */
public class BatchConflictException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    BatchConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "import-conflict";
    }
}
