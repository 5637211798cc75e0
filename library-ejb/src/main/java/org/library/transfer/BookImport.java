package org.library.transfer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.catalog.AuthorData;
import org.library.catalog.BookData;
import org.library.catalog.CopiesAdded;
import org.library.catalog.Isbn;
import org.library.platform.Inputs;
import org.library.platform.LibraryException;

/**
 * The import of books, with their authors: each row checked by itself against {@link BookData}
 * and {@link AuthorData}, the good ones written {@link CsvRows#BATCH} at a time by
 * {@link BookBatches}; a row whose ISBN exists updates that book. Copies added to a book members
 * wait for are announced ({@link CopiesAdded}), for circulation to offer them. In
 * {@link CsvImporter}'s thread, without a transaction of its own.
 */
@Dependent
class BookImport {

    /** Authors remembered between batches; beyond that, an author is looked up again. */
    static final int AUTHOR_CACHE = 100_000;

    private static final Logger LOG = Logger.getLogger(BookImport.class.getName());

    private static final Map<String, String> BOOK_COLUMNS = Map.of("publicationYear", "publication_year");
    private static final Map<String, String> AUTHOR_COLUMNS = Map.of(
            "name", "author", "birthYear", "author_birth_year", "deathYear", "author_death_year");

    @Inject
    private Inputs inputs;

    @EJB
    private BookBatches batches;

    @EJB
    private ImportJobs jobs;

    @Inject
    private Event<CopiesAdded> copiesAdded;

    void run(ImportJob job, CsvSource source) {
        Map<AuthorKey, Long> authors = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AuthorKey, Long> eldest) {
                return size() > AUTHOR_CACHE;
            }
        };
        List<BookLine> batch = new ArrayList<>(CsvRows.BATCH);
        Set<String> isbns = new HashSet<>();
        for (CsvSource.Row row = CsvRows.next(source, () -> writeBooks(job, batch, authors)); row != null;
             row = CsvRows.next(source, () -> writeBooks(job, batch, authors))) {
            if (row.blank()) {
                continue;
            }
            job.rowRead();
            if (job.dueForSave()) {
                CsvRows.save(jobs, job);
            }
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
            if (batch.size() == CsvRows.BATCH) {
                writeBooks(job, batch, authors);
                isbns.clear();
            }
        }
        writeBooks(job, batch, authors);
    }

    private Optional<BookLine> bookLine(CsvSource.Row row, ImportJob job, Map<AuthorKey, Long> authors) {
        if (CsvRows.unreadable(row, job)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Integer year = CsvRows.integer(row, "publication_year", problems);
        Integer copies = CsvRows.integer(row, "copies", problems);
        Integer birthYear = CsvRows.integer(row, "author_birth_year", problems);
        Integer deathYear = CsvRows.integer(row, "author_death_year", problems);
        if (copies == null && row.get("copies") == null) {
            problems.add("copies: is required");
        }
        Isbn isbn = CsvRows.key(row, "isbn", Isbn::parse, Isbn.FORM, problems);
        String title = row.get("title");
        String author = row.get("author");
        if (problems.isEmpty()) {
            CsvRows.check(inputs, new BookData(isbn, title, year, copies, 0L), BOOK_COLUMNS, problems);
            AuthorKey key = new AuthorKey(author, birthYear);
            if (!authors.containsKey(key)) { // an author already found was valid
                CsvRows.check(inputs, new AuthorData(author, birthYear, deathYear), AUTHOR_COLUMNS, problems);
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
            ImportJob.Checkpoint progress = job.checkpoint();
            record(job, progress, batches.writeBooks(List.copyOf(batch), knownAuthors(batch, authors), progress), authors);
        } catch (BatchConflictException conflict) {
            // someone changed the same records meanwhile (or removed an author remembered here):
            // the batch was rolled back; write its rows one by one, so that only the rows
            // concerned are refused
            authors.clear();
            for (BookLine line : batch) {
                try {
                    ImportJob.Checkpoint progress = job.checkpoint();
                    record(job, progress, batches.writeBooks(List.of(line), knownAuthors(List.of(line), authors), progress), authors);
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

    private void record(ImportJob job, ImportJob.Checkpoint progress, BookBatches.BookOutcome outcome, Map<AuthorKey, Long> authors) {
        job.saved(progress, outcome.created(), outcome.updated(), outcome.unchanged(), outcome.rejected());
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
}
