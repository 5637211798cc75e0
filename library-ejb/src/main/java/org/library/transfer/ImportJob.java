package org.library.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import as it runs: counters the import updates after each committed batch, read at any
 * time by whoever watches its progress (the REST API, the import page). Thread-safe.
 *
 * <p>The bad rows are listed up to {@link #MAX_LISTED_ERRORS}, then only counted, so that a file
 * of a million wrong rows cannot fill the memory with its report.
 */
public final class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    public static final int MAX_LISTED_ERRORS = 1000;

    private final String id = UUID.randomUUID().toString();
    private final ImportKind kind;
    private final String source;
    private final Long bytesTotal;
    private final Clock clock;
    private final Instant startedAt;

    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final List<RowError> errors = new ArrayList<>();

    private volatile Status status = Status.RUNNING;
    private volatile Instant finishedAt;
    private volatile String failure;

    ImportJob(ImportKind kind, String source, Long bytesTotal, Clock clock) {
        this.kind = kind;
        this.source = source;
        this.bytesTotal = bytesTotal;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public ImportKind kind() {
        return kind;
    }

    void rowRead() {
        rowsRead.incrementAndGet();
    }

    void bytesRead(long total) {
        bytesRead.set(total);
    }

    void created(long n) {
        created.addAndGet(n);
    }

    void updated(long n) {
        updated.addAndGet(n);
    }

    void unchanged(long n) {
        unchanged.addAndGet(n);
    }

    void rejected(RowError error) {
        rejected.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(error);
            }
        }
    }

    void done() {
        finish(Status.DONE, null);
    }

    void failed(String why) {
        finish(Status.FAILED, why);
    }

    private void finish(Status end, String why) {
        failure = why;
        finishedAt = clock.instant();
        status = end;
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public ImportReport report() {
        List<RowError> listed;
        synchronized (errors) {
            listed = errors.stream().sorted(java.util.Comparator.comparingLong(RowError::line)).toList();
        }
        return new ImportReport(id, kind, source, status, rowsRead.get(), created.get(), updated.get(),
                unchanged.get(), rejected.get(), listed, bytesRead.get(), bytesTotal, startedAt, finishedAt, failure);
    }
}
