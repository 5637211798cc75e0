package org.library.transfer;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.catalog.AuthorData;
import org.library.catalog.BookData;
import org.library.catalog.CopiesAdded;
import org.library.catalog.Isbn;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.LibraryException;
import org.library.platform.Numbers;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Imports a CSV file of books (with their authors) or of members, streaming: the file is read one
 * row at a time and written {@link #BATCH} rows per transaction, so that memory stays the same for
 * ten rows or ten million, and a failure late in the file keeps what was imported before it.
 *
 * <p>Each row is checked by itself against the services' input records — {@link BookData} and
 * {@link AuthorData}, {@link MemberData} — and the ISBN rules; a bad row is reported with its line
 * and the reason, and the good rows are kept. The import is idempotent: a row whose ISBN (or
 * member number) exists updates that record, never adds a second one, and an equal row changes
 * nothing. Within one file a later row for the same key updates the earlier one, as a second
 * import would.
 *
 * <p>Runs without a transaction of its own: each batch is one ({@link ImportBatches}).
 */
@Stateless
@Guarded
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CsvImporter {

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    /** Rows per transaction: big enough for the statement batches to pay, small enough to keep locks short. */
    static final int BATCH = 1000;

    /** Authors remembered between batches; beyond that, an author is looked up again. */
    static final int AUTHOR_CACHE = 100_000;

    private static final Logger LOG = Logger.getLogger(CsvImporter.class.getName());

    private static final Map<String, String> BOOK_COLUMNS = Map.of("publicationYear", "publication_year");
    private static final Map<String, String> AUTHOR_COLUMNS = Map.of(
            "name", "author", "birthYear", "author_birth_year", "deathYear", "author_death_year");
    private static final Map<String, String> MEMBER_COLUMNS = Map.of(
            "memberNumber", "member_number", "joinedOn", "joined_on");

    @Inject
    private Inputs inputs;

    @Inject
    private ImportJobs jobs;

    @EJB
    private ImportBatches batches;

    @Inject
    private Event<CopiesAdded> copiesAdded;

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
                importBooks(job, source);
            } else {
                importMembers(job, source);
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

    // ---- books -----------------------------------------------------------------------------

    private void importBooks(ImportJob job, CsvSource source) {
        Map<AuthorKey, Long> authors = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AuthorKey, Long> eldest) {
                return size() > AUTHOR_CACHE;
            }
        };
        List<BookLine> batch = new ArrayList<>(BATCH);
        Set<String> isbns = new HashSet<>();
        for (CsvSource.Row row = next(source, () -> writeBooks(job, batch, authors)); row != null;
             row = next(source, () -> writeBooks(job, batch, authors))) {
            if (row.blank()) {
                continue;
            }
            job.rowRead();
            Optional<BookLine> line = bookLine(row, job, authors);
            if (line.isEmpty()) {
                continue;
            }
            if (!isbns.add(line.get().isbn())) {
                // the same ISBN again: write what comes before, so that this row updates it
                writeBooks(job, batch, authors);
                isbns.clear();
                isbns.add(line.get().isbn());
            }
            batch.add(line.get());
            if (batch.size() == BATCH) {
                writeBooks(job, batch, authors);
                isbns.clear();
            }
        }
        writeBooks(job, batch, authors);
    }

    private Optional<BookLine> bookLine(CsvSource.Row row, ImportJob job, Map<AuthorKey, Long> authors) {
        if (unreadable(row, job)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Integer year = integer(row, "publication_year", problems);
        Integer copies = integer(row, "copies", problems);
        Integer birthYear = integer(row, "author_birth_year", problems);
        Integer deathYear = integer(row, "author_death_year", problems);
        if (copies == null && row.get("copies") == null) {
            problems.add("copies: is required");
        }
        Isbn isbn = key(row, "isbn", Isbn::parse, Isbn.FORM, problems);
        String title = row.get("title");
        String author = row.get("author");
        if (problems.isEmpty()) {
            check(new BookData(isbn, title, year, copies, 0L), BOOK_COLUMNS, problems);
            AuthorKey key = new AuthorKey(author, birthYear);
            if (!authors.containsKey(key)) { // an author already found was valid
                check(new AuthorData(author, birthYear, deathYear), AUTHOR_COLUMNS, problems);
            }
        }
        if (!problems.isEmpty()) {
            job.rejected(new RowError(row.line(), String.join("; ", problems)));
            return Optional.empty();
        }
        return Optional.of(new BookLine(row.line(), isbn.value(), title, year, copies,
                new AuthorKey(author, birthYear), deathYear));
    }

    private void writeBooks(ImportJob job, List<BookLine> batch, Map<AuthorKey, Long> authors) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            record(job, batches.writeBooks(List.copyOf(batch), knownAuthors(batch, authors)), authors);
        } catch (BatchConflictException conflict) {
            // someone changed the same records meanwhile (or removed an author remembered here):
            // the batch was rolled back; write its rows one by one, so that only the rows
            // concerned are refused
            authors.clear();
            for (BookLine line : batch) {
                try {
                    record(job, batches.writeBooks(List.of(line), knownAuthors(List.of(line), authors)), authors);
                } catch (BatchConflictException refused) {
                    job.rejected(new RowError(line.line(), refused.getMessage()));
                }
            }
        }
        batch.clear();
    }

    private static Map<AuthorKey, Long> knownAuthors(List<BookLine> batch, Map<AuthorKey, Long> authors) {
        Map<AuthorKey, Long> known = new HashMap<>();
        for (BookLine line : batch) {
            Long id = authors.get(line.author());
            if (id != null) {
                known.put(line.author(), id);
            }
        }
        return known;
    }

    private void record(ImportJob job, ImportBatches.BookOutcome outcome, Map<AuthorKey, Long> authors) {
        job.created(outcome.created());
        job.updated(outcome.updated());
        job.unchanged(outcome.unchanged());
        outcome.rejected().forEach(job::rejected);
        authors.putAll(outcome.authors()); // committed now: safe to remember
        for (long bookId : outcome.copiesAddedWhileWaitedFor()) {
            try {
                copiesAdded.fire(new CopiesAdded(bookId));
            } catch (LibraryException e) {
                // the book was removed meanwhile: nobody left to offer it to
                LOG.log(Level.FINE, "No copies offered for book " + bookId, e);
            }
        }
    }

    // ---- members ---------------------------------------------------------------------------

    private void importMembers(ImportJob job, CsvSource source) {
        List<MemberLine> batch = new ArrayList<>(BATCH);
        Set<String> keys = new HashSet<>();
        for (CsvSource.Row row = next(source, () -> writeMembers(job, batch)); row != null;
             row = next(source, () -> writeMembers(job, batch))) {
            if (row.blank()) {
                continue;
            }
            job.rowRead();
            Optional<MemberLine> line = memberLine(row, job);
            if (line.isEmpty()) {
                continue;
            }
            // a card number or an e-mail address again: write what comes before, so that this
            // row is checked against it
            if (keys.contains(line.get().memberNumber()) || keys.contains("@" + line.get().email())) {
                writeMembers(job, batch);
                keys.clear();
            }
            keys.add(line.get().memberNumber());
            keys.add("@" + line.get().email());
            batch.add(line.get());
            if (batch.size() == BATCH) {
                writeMembers(job, batch);
                keys.clear();
            }
        }
        writeMembers(job, batch);
    }

    private Optional<MemberLine> memberLine(CsvSource.Row row, ImportJob job) {
        if (unreadable(row, job)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        MemberNumber number = key(row, "member_number", MemberNumber::parse, MemberNumber.FORM, problems);
        String name = row.get("name");
        String email = row.get("email");
        LocalDate joinedOn = date(row, "joined_on", problems);
        Boolean active = flag(row, "active", problems);
        if (problems.isEmpty()) {
            check(new MemberData(number, name, email, joinedOn, active), MEMBER_COLUMNS, problems);
        }
        if (!problems.isEmpty()) {
            job.rejected(new RowError(row.line(), String.join("; ", problems)));
            return Optional.empty();
        }
        return Optional.of(new MemberLine(row.line(), number.value(), name, email.toLowerCase(Locale.ROOT), joinedOn, active));
    }

    private void writeMembers(ImportJob job, List<MemberLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            record(job, batches.writeMembers(List.copyOf(batch)));
        } catch (BatchConflictException conflict) {
            for (MemberLine line : batch) { // see writeBooks
                try {
                    record(job, batches.writeMembers(List.of(line)));
                } catch (BatchConflictException refused) {
                    job.rejected(new RowError(line.line(), refused.getMessage()));
                }
            }
        }
        batch.clear();
    }

    private static void record(ImportJob job, ImportBatches.MemberOutcome outcome) {
        job.created(outcome.created());
        job.updated(outcome.updated());
        job.unchanged(outcome.unchanged());
        outcome.rejected().forEach(job::rejected);
    }

    // ---- values ----------------------------------------------------------------------------

    /**
     * The next row; when the file breaks off (a quote left open), the good rows
     * read before the break are written first: they are as good as in a file that ended there.
     */
    private static CsvSource.Row next(CsvSource source, Runnable writePending) {
        try {
            return source.next();
        } catch (InvalidInputException e) {
            writePending.run();
            throw e;
        }
    }

    private static boolean unreadable(CsvSource.Row row, ImportJob job) {
        String tooLong = row.tooLong();
        if (tooLong != null) {
            job.rejected(new RowError(row.line(), tooLong));
            return true;
        }
        if (row.garbled()) {
            job.rejected(new RowError(row.line(), "is not UTF-8 text; save the file as CSV UTF-8 and import it again"));
            return true;
        }
        if (row.ragged()) {
            job.rejected(new RowError(row.line(), "has " + row.size() + " value" + (row.size() == 1 ? "" : "s")
                    + " where the header has " + row.columns().size() + " columns"));
            return true;
        }
        return false;
    }

    /** Bean Validation of the input record, its field names turned into the CSV's column names. */
    private void check(Object data, Map<String, String> columns, List<String> problems) {
        try {
            inputs.valid(data);
        } catch (InvalidInputException e) {
            for (FieldViolation violation : e.violations()) {
                problems.add(columns.getOrDefault(violation.field(), violation.field()) + ": " + violation.message());
            }
        }
    }

    /** A natural key's column, parsed the way every front door parses it. */
    private static <K> K key(CsvSource.Row row, String column, java.util.function.Function<String, Optional<K>> parse,
            String form, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null; // the record's @NotNull says so
        }
        Optional<K> key = parse.apply(value);
        if (key.isEmpty()) {
            problems.add(column + ": " + form);
        }
        return key.orElse(null);
    }

    private static Integer integer(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        java.util.OptionalInt number = Numbers.parseInt(value);
        if (number.isEmpty()) {
            problems.add(column + ": must be a whole number, not \"" + shown(value) + "\"");
            return null;
        }
        return number.getAsInt();
    }

    private static LocalDate date(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(column + ": must be a date such as 2024-03-31, not \"" + shown(value) + "\"");
            return null;
        }
    }

    private static Boolean flag(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add(column + ": must be true or false, not \"" + shown(value) + "\"");
                yield null;
            }
        };
    }

    /**
     * A value quoted in a reason: a report keeps up to {@link ImportJob#MAX_LISTED_ERRORS}
     * reasons, and a value may be up to {@link CsvSource#MAX_VALUE_CHARS} long.
     */
    private static String shown(String value) {
        return CsvSource.shown(value, 40);
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
