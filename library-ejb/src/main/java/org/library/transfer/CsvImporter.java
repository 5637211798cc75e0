package org.library.transfer;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>The door of both kinds ({@link BookImport}, {@link MemberImport}): runs without a transaction
 * of its own, each batch is one ({@link BookBatches}, {@link MemberBatches}).
 */
@Stateless
@Guarded
@Allowed({Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CsvImporter {

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    private static final Logger LOG = Logger.getLogger(CsvImporter.class.getName());

    @Inject
    private ImportJobs jobs;

    @Inject
    private BookImport books;

    @Inject
    private MemberImport members;

    /**
     * Imports to the end of {@code csv}, in the caller's thread; the job shows the progress
     * meanwhile.
     *
     * @return the final report: counts and the bad rows
     * @throws InvalidInputException when the file as a whole is unusable (missing or unknown
     *                               columns, a header that is not UTF-8, broken quoting); the job
     *                               says how far it got
     */
    public ImportReport run(ImportJob job, InputStream csv) {
        try (CsvSource source = new CsvSource(csv, job.kind(), job::bytesRead)) {
            if (job.kind() == ImportKind.BOOKS) {
                books.run(job, source);
            } else {
                members.run(job, source);
            }
            job.done();
            return job.report();
        } catch (InvalidInputException e) {
            InvalidInputException told = tellWhatWasKept(job, e);
            job.failed(told.getMessage());
            throw told;
        } catch (RuntimeException e) {
            job.failed("stopped by a server error after " + job.report().rowsDone() + " rows; the rows before it are imported");
            throw e;
        }
    }

    /**
     * {@link #run} in the background, for the import page, for whoever starts it; deletes the file
     * at the end.
     */
    public void startInBackground(String jobId, Path file) {
        Identity startedBy = Identity.current().orElseThrow(); // a staff identity: the access check let it in
        context.getBusinessObject(CsvImporter.class).runInBackground(jobId, file, startedBy);
    }

    /**
     * The background part of {@link #startInBackground}, in a thread of its own, where no request
     * says who works: it works for whoever started it, whom the access check saw there.
     */
    @Allowed(Roles.ANYONE)
    @Asynchronous
    public void runInBackground(String jobId, Path file, Identity startedBy) {
        ImportJob job = jobs.job(jobId);
        try (Identity.Scope as = Identity.enter(startedBy); InputStream in = Files.newInputStream(file)) {
            run(job, in);
        } catch (InvalidInputException e) {
            // the job's report says it
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + jobId + " failed", e);
            if (job.running()) {
                job.failed("stopped by a server error; the rows before it are imported");
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the uploaded file " + file, e);
            }
        }
    }

    /** A file that breaks off half-way: say that the rows before the break are imported. */
    private static InvalidInputException tellWhatWasKept(ImportJob job, InvalidInputException e) {
        ImportReport report = job.report();
        long written = report.created() + report.updated() + report.unchanged();
        if (report.rowsRead() == 0) {
            return e;
        }
        List<FieldViolation> told = e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.message() + "; the " + written
                        + " good rows before it are imported (import " + job.id() + ")"))
                .toList();
        return new InvalidInputException(told);
    }
}
