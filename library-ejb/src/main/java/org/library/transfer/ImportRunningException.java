package org.library.transfer;

import org.library.platform.BusinessRuleException;

/**
 * An import of the kind is running already, on this instance or another: one import of a kind runs
 * at a time (two would fight over the same rows, batch by batch). Refused, not queued: the client
 * sees which import runs, watches it, and sends its file when it has ended (HTTP 409).
 */
public class ImportRunningException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    private final String running;

    public ImportRunningException(ImportKind kind, String running) {
        super("An import of " + kind.path() + " is running already (import " + running + "); one import of a kind "
                + "runs at a time: send the file again once it has ended.");
        this.running = running;
    }

    /** The id of the import that runs. */
    public String running() {
        return running;
    }

    @Override
    public String code() {
        return "import-running";
    }
}
