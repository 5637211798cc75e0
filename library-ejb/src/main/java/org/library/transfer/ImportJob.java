package org.library.transfer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One import as it runs on this instance, in the thread that runs it: its counters, and the
 * refused rows not yet written to its row in {@code imports}. What others read is that row
 * ({@link ImportJobs}), which each batch's transaction brings up to date with the batch
 * ({@link Checkpoint}), so that the counts there are exactly what is committed.
 *
 * <p>The refused rows are listed up to {@link #MAX_LISTED_ERRORS}, then only counted, so that a
 * file of a million wrong rows fills neither the memory nor the database with its report.
 */
public final class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    public static final int MAX_LISTED_ERRORS = 1000;

    /** Rows read without a batch written (all refused) after which the progress is written anyway. */
    static final int ROWS_BETWEEN_SAVES = 2 * CsvRows.BATCH;

    private final String id;
    private final ImportKind kind;
    private final Clock clock;

    private long rowsRead;
    private long bytesRead;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private int listed;
    private final List<RowError> unsaved = new ArrayList<>();

    private long rowsReadAtSave;
    private long savedAt;

    ImportJob(String id, ImportKind kind, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.clock = clock;
        this.savedAt = clock.millis();
    }

    public String id() {
        return id;
    }

    public ImportKind kind() {
        return kind;
    }

    void rowRead() {
        rowsRead++;
    }

    void bytesRead(long total) {
        bytesRead = total;
    }

    /** A row refused before it reached a batch (it could not be read or broke a rule by itself). */
    void rejected(RowError error) {
        rejected++;
        if (listed + unsaved.size() < MAX_LISTED_ERRORS) {
            unsaved.add(error);
        }
    }

    long rowsDone() {
        return created + updated + unchanged + rejected;
    }

    long rowsWritten() {
        return created + updated + unchanged;
    }

    long rowsRead() {
        return rowsRead;
    }

    /**
     * Whether the import's row should be brought up to date without a batch: after many rows all
     * refused, or when its heartbeat would otherwise age towards the lease.
     */
    boolean dueForSave() {
        return rowsRead - rowsReadAtSave >= ROWS_BETWEEN_SAVES
                || clock.millis() - savedAt >= ImportJobs.LEASE.toMillis() / 4;
    }

    /** What the import's row is to say once the next batch (or none) commits. */
    Checkpoint checkpoint() {
        return new Checkpoint(id, rowsRead, bytesRead, created, updated, unchanged, rejected, listed, List.copyOf(unsaved));
    }

    /** The checkpoint's batch committed with its outcome: the counters take it in. */
    void saved(Checkpoint checkpoint, int batchCreated, int batchUpdated, int batchUnchanged, List<RowError> batchRejected) {
        created += batchCreated;
        updated += batchUpdated;
        unchanged += batchUnchanged;
        rejected += batchRejected.size();
        listed = checkpoint.listedAfter(batchRejected);
        unsaved.subList(0, checkpoint.unsaved().size()).clear();
        rowsReadAtSave = checkpoint.rowsRead();
        savedAt = clock.millis();
    }

    /**
     * The counters of an import's row as of a checkpoint, plus what the batch written with it adds:
     * written in the batch's own transaction ({@link ImportJobs#save}).
     *
     * @param listed  refused rows already in {@code import_refusals}
     * @param unsaved refused rows counted but not yet written there
     */
    record Checkpoint(String id, long rowsRead, long bytesRead, long created, long updated, long unchanged,
                      long rejected, int listed, List<RowError> unsaved) {

        /** The refused rows to add to {@code import_refusals} with a batch's: as many as the list may still take. */
        List<RowError> toList(List<RowError> batchRejected) {
            List<RowError> all = new ArrayList<>(unsaved);
            all.addAll(batchRejected);
            return all.subList(0, Math.min(all.size(), Math.max(0, MAX_LISTED_ERRORS - listed)));
        }

        int listedAfter(List<RowError> batchRejected) {
            return listed + toList(batchRejected).size();
        }
    }
}
