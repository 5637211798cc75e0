package org.library.transfer;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.catalog.AuthorData;
import org.library.catalog.BookData;
import org.library.members.MemberData;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.KeyTakenMeanwhileException;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Imports a CSV file of books (with their authors) or of members, streaming: the file is read one
 * row at a time and written {@link CsvRows#BATCH} rows per transaction, so that memory stays the same for
 * ten rows or ten million, and a failure late in the file keeps what was imported before it.
 *
 * <p>Each row is checked by itself against the services' input records — {@link BookData} and
 * {@link AuthorData}, {@link MemberData} — and the ISBN rules; a bad row is reported with its line
 * and the reason, and the good rows are kept. The import is idempotent: a row whose ISBN (or
 * member number) exists updates that record, never adds a second one, and an equal row changes
 * nothing. Within one file a later row for the same key updates the earlier one, as a second
 * import would.
 *
 * <p>The door of both kinds ({@link BookImport}, {@link MemberImport}): an import runs in the
 * background, one of a kind at a time, without a transaction of its own; each batch is one
 * ({@link BookBatches}, {@link MemberBatches}), which also writes the import's progress to its row
 * ({@link ImportJobs}), where every instance reads it.
 */
@Stateless
@Guarded
@Allowed({Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CsvImporter {

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    private static final Logger LOG = Logger.getLogger(CsvImporter.class.getName());

    @jakarta.ejb.EJB
    private ImportJobs jobs;

    @Inject
    private BookImport books;

    @Inject
    private MemberImport members;

    /**
     * The REST API's import: the file's header checked here, so that a file that cannot be
     * imported at all is refused at once and claims nothing; then {@link #startInBackground}.
     *
     * @param file the upload, received whole; the import deletes it when it ends (the caller, when this throws)
     * @return the import's id: its progress and report are {@link ImportJobs#report}'s
     * @throws InvalidInputException  when the header lacks columns or names unknown ones, or is not UTF-8
     * @throws ImportRunningException when an import of the kind runs already
     */
    public String submit(ImportKind kind, Path file) {
        try (InputStream in = Files.newInputStream(file); CsvSource header = new CsvSource(in, kind, read -> { })) {
            // read as far as the header
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return startInBackground(kind, null, file);
    }

    /**
     * Claims the kind for a new import of {@code file} and runs it in the background, for whoever
     * starts it; the import deletes the file when it ends.
     *
     * @param source the file's name, for the report, or {@code null}
     * @return the import's id: its progress and report are {@link ImportJobs#report}'s
     * @throws ImportRunningException when an import of the kind runs already
     */
    public String startInBackground(ImportKind kind, String source, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job;
        try {
            job = jobs.start(kind, source, size);
        } catch (KeyTakenMeanwhileException race) {
            job = jobs.start(kind, source, size); // another start of the kind won: this one finds it running
        }
        Identity startedBy = Identity.current().orElseThrow(); // a staff identity: the access check let it in
        context.getBusinessObject(CsvImporter.class).runInBackground(job, file, startedBy);
        return job.id();
    }

    /**
     * The background part of {@link #startInBackground}, in a thread of its own, where no request
     * says who works: it works for whoever started it, whom the access check saw there.
     */
    @Allowed(Roles.ANYONE)
    @Asynchronous
    public void runInBackground(ImportJob job, Path file, Identity startedBy) {
        try (Identity.Scope as = Identity.enter(startedBy); InputStream in = Files.newInputStream(file)) {
            run(job, in);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Import " + job.id() + " could not read its file", e);
            Identity.run(startedBy, () -> jobs.finish(job.checkpoint(), ImportJob.Status.FAILED,
                    "stopped: the uploaded file could not be read; run the file again"));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the uploaded file " + file, e);
            }
        }
    }

    /**
     * Imports to the end of {@code csv}, in the caller's thread, and ends the import's row DONE, or
     * FAILED with the reason (a file that breaks off, a server error) and the counts of what was
     * committed. When this instance stops half-way, the row stays RUNNING until its heartbeat ages
     * and {@link ImportJobs#sweep()} marks it FAILED, counts kept.
     */
    private void run(ImportJob job, InputStream csv) {
        try (CsvSource source = new CsvSource(csv, job.kind(), job::bytesRead)) {
            if (job.kind() == ImportKind.BOOKS) {
                books.run(job, source);
            } else {
                members.run(job, source);
            }
            jobs.finish(job.checkpoint(), ImportJob.Status.DONE, null);
        } catch (ImportStoppedException e) {
            LOG.warning(e.getMessage()); // its row says FAILED, with what was committed
        } catch (InvalidInputException e) {
            jobs.finish(job.checkpoint(), ImportJob.Status.FAILED, tellWhatWasKept(job, e).getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + job.id() + " failed", e);
            jobs.finish(job.checkpoint(), ImportJob.Status.FAILED, "stopped by a server error after " + job.rowsDone()
                    + " rows; the rows before it are imported");
        }
    }

    /** A file that breaks off half-way: say that the rows before the break are imported. */
    private static InvalidInputException tellWhatWasKept(ImportJob job, InvalidInputException e) {
        long written = job.rowsWritten();
        if (job.rowsRead() == 0) {
            return e;
        }
        List<FieldViolation> told = e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.message() + "; the " + written
                        + " good rows before it are imported (import " + job.id() + ")"))
                .toList();
        return new InvalidInputException(told);
    }
}
