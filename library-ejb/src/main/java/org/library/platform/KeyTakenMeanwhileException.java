package org.library.platform;

/**
 * A write by natural key found no record with the key, and its insert then met the UNIQUE index:
 * a concurrent transaction created that record in between. This transaction is rolled back whole,
 * so the front door calls the service again ({@link LockConflictRetry}), which now finds the
 * record and replaces it: two simultaneous creates of one key make one record. Only when the
 * retries run out does a client see it (HTTP 409).
 */
public class KeyTakenMeanwhileException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public KeyTakenMeanwhileException(String kind, Object key) {
        super("The " + kind + " " + key + " was created by another request at the same moment; send yours again.");
    }

    @Override
    public String code() {
        return "created-meanwhile";
    }
}
