package org.library.transfer;

import java.time.Instant;
import java.util.List;

/**
 * Where an import stands, or how it ended: a snapshot of an {@link ImportJob}.
 *
 * @param rowsRead        data rows read from the file so far (the header not counted)
 * @param created         rows that added a record
 * @param updated         rows that changed an existing record (same ISBN or member number)
 * @param unchanged       rows equal to the record already there: nothing written
 * @param rejected        rows refused; the first {@link ImportJob#MAX_LISTED_ERRORS} are listed in
 *                        {@code errors}
 * @param bytesRead       how much of the file has been read
 * @param bytesTotal      the size of the file, when known (for a progress bar), else {@code null}
 * @param failure         why the import stopped before the end of the file, when it did
 */
public record ImportReport(String id, ImportKind kind, String source, ImportJob.Status status,
                           long rowsRead, long created, long updated, long unchanged, long rejected,
                           List<RowError> errors, long bytesRead, Long bytesTotal,
                           Instant startedAt, Instant finishedAt, String failure) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** Rows whose outcome is settled (written, found unchanged, or refused). */
    public long rowsDone() {
        return created + updated + unchanged + rejected;
    }

    /** Percent of the file read, when its size is known. */
    public Integer percent() {
        if (bytesTotal == null || bytesTotal <= 0) {
            return status == ImportJob.Status.RUNNING ? null : 100;
        }
        return (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }

    public boolean running() {
        return status == ImportJob.Status.RUNNING;
    }
}
