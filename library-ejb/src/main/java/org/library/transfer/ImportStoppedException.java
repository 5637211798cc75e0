package org.library.transfer;

import org.library.platform.LibraryException;

/**
 * The import's row says it no longer runs: its heartbeat aged past the lease (this instance
 * stalled) and another instance marked it FAILED. The batch that found out is rolled back, and
 * the import stops here, so that its row's counts stay those of what was committed.
 */
class ImportStoppedException extends LibraryException {

    private static final long serialVersionUID = 1L;

    ImportStoppedException(String id) {
        super("Import " + id + " was ended meanwhile (its heartbeat aged past the lease); it stops here.");
    }

    @Override
    public String code() {
        return "import-stopped";
    }
}
