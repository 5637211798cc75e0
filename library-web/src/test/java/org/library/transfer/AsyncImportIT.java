package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.changes.ChangeBatch;
import org.library.changes.ChangeEntry;
import org.library.changes.ChangeFeed;
import org.library.changes.HistoryEntry;
import org.library.changes.RecordType;
import org.library.circulation.MovableClock;
import org.library.platform.PageRequest;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * Imports as rows of the database, in the container: an import's state, counts and refused rows
 * are in {@code imports} and {@code import_refusals} (what every instance reads); one import of a
 * kind runs at a time; an import whose instance stopped — its heartbeat older than the lease, on a
 * clock the test moves — is marked FAILED by the sweep with the counts it had, and its kind freed;
 * one that was only slow stops at its next batch, and its row counts exactly what it committed.
 */
@DeployedWith(MovableClock.class)
@ExtendWith(ActingAsStaff.class)
class AsyncImportIT extends LibraryInContainerTest {

    private static final String MEMBERS_HEADER = "member_number,name,email,joined_on,active\n";

    @Inject
    ImportJobs jobs;

    @Inject
    CsvImporter importer;

    @Inject
    ChangeFeed feed;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void anImportsStateCountsAndRefusedRowsAreRowsOfTheDatabase() throws Exception {
        Path file = csv(MEMBERS_HEADER
                + TestData.memberNumber() + ",Row Kept," + TestData.email("row kept") + ",,\n"   // line 2
                + "X1,Row Refused," + TestData.email("refused") + ",,\n"                          // line 3
                + TestData.memberNumber() + ",Row Kept Too," + TestData.email("kept too") + ",,\n" // line 4
                + TestData.memberNumber() + ",Bad Flag," + TestData.email("flag") + ",,maybe\n");  // line 5

        ImportReport started = jobs.report(importer.submit(ImportKind.MEMBERS, file));
        ImportReport ended = ended(started.id());

        assertThat(ended.status()).as(ended.toString()).isEqualTo(ImportJob.Status.DONE);
        // written: created, or updated where another class's TestData numbers made the card first
        // (CsvImportIT makes 10,001 members, which a class started a minute later may draw again)
        try (Connection connection = dataSource.getConnection();
             PreparedStatement row = connection.prepareStatement("SELECT state, kind, rows_read, rows_created + rows_updated, "
                     + "rows_rejected, refusals_listed, running_kind, finished_at, started_by FROM imports WHERE id = ?")) {
            row.setString(1, started.id());
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                        .containsExactly("DONE", "members", 4L, 2L, 2L, 2L);
                assertThat(rs.getString(7)).as("running_kind: the kind is free").isNull();
                assertThat(rs.getLong(8)).as("finished_at").isPositive();
                assertThat(rs.getString(9)).isEqualTo(ActingAsStaff.STAFF.name());
                assertThat(written(ended)).isEqualTo(2);
            }
            assertThat(refusals(connection, started.id())).containsExactly(
                    "3: member_number: must look like M000123 (M and six digits)",
                    "5: active: must be true or false, not \"maybe\"");
        }
        assertThat(ended.errors()).extracting(RowError::line).containsExactly(3L, 5L);
        assertThat(file).as("the upload, deleted by the import").doesNotExist();
    }

    @Test
    void anImportLogsEachAuthorAndBookItWroteInItsBatchAndNothingForAnUnchangedRow() throws Exception {
        String kept = TestData.isbn();
        String changed = TestData.isbn();
        String author = "Import Logged " + kept;
        String header = "isbn,title,publication_year,copies,author\n";
        assertThat(ended(importer.submit(ImportKind.BOOKS, csv(header + kept + ",Kept,,1," + author + "\n" + changed + ",Changed,,1,"
                + author + "\n"))).status()).isEqualTo(ImportJob.Status.DONE);
        String before = headOfFeed();

        ImportReport second = ended(importer.submit(ImportKind.BOOKS, csv(header + kept + ",Kept,,1," + author + "\n" + changed
                + ",Changed Again,1999,4," + author + "\n")));

        assertThat(List.of(second.created(), second.updated(), second.unchanged())).containsExactly(0L, 1L, 1L);
        List<ChangeEntry> entries = feed.read(before, 100, EnumSet.of(RecordType.BOOK, RecordType.AUTHOR)).entries();
        assertThat(entries).extracting(ChangeEntry::event).containsExactly("book.updated");
        ChangeEntry updated = entries.get(0);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.actor()).as("the account that started the import").isEqualTo(ActingAsStaff.STAFF.name());
        assertThat(updated.state()).containsEntry("isbn", changed).containsEntry("title", "Changed Again")
                .containsEntry("publicationYear", 1999L).containsEntry("copies", 4L);
        assertThat(feed.history(RecordType.BOOK, updated.recordId(), new PageRequest(0, 10)).items())
                .extracting(HistoryEntry::event).containsExactly("book.updated", "book.created");
    }

    private String headOfFeed() {
        ChangeBatch batch;
        String cursor = null;
        do {
            batch = feed.read(cursor, ChangeFeed.MAX_LIMIT, Set.of());
            cursor = batch.next();
        } while (batch.more());
        return cursor;
    }

    @Test
    void aSecondImportOfAKindWhileOneRunsIsRefusedNamingTheRunningOne() throws Exception {
        ImportJob held = jobs.start(ImportKind.BOOKS, "held.csv", 10L); // as if another instance ran it
        Path refused = csv("isbn,title,publication_year,copies,author\n" + TestData.isbn() + ",Refused,,1,Nobody\n");
        try {
            assertThatThrownBy(() -> importer.submit(ImportKind.BOOKS, refused))
                    .isInstanceOfSatisfying(ImportRunningException.class, e -> assertThat(e.running()).isEqualTo(held.id()))
                    .hasMessageContaining(held.id());

            // another kind is not held up
            String members = importer.submit(ImportKind.MEMBERS,
                    csv(MEMBERS_HEADER + TestData.memberNumber() + ",Other Kind," + TestData.email("other kind") + ",,\n"));
            ImportReport other = ended(members);
            assertThat(written(other)).as(other.toString()).isEqualTo(1);
            assertThat(jobs.report(held.id()).status()).isEqualTo(ImportJob.Status.RUNNING);
        } finally {
            Files.deleteIfExists(refused);
            MovableClock.advanceDays(1);
            jobs.sweep(); // frees the kind for the other tests
        }
        assertThat(jobs.report(held.id()).status()).isEqualTo(ImportJob.Status.FAILED);
    }

    @Test
    void anImportWhoseHeartbeatAgedPastTheLeaseIsMarkedFailedByTheSweepWithItsCounts() throws Exception {
        ImportJob stopped = jobs.start(ImportKind.MEMBERS, "stopped.csv", 50_000L);
        // the counts its batches committed before its instance stopped
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE imports SET rows_read = 3000, bytes_read = 20000, "
                     + "rows_created = 2000, rows_updated = 990, rows_rejected = 10 WHERE id = ?")) {
            update.setString(1, stopped.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        jobs.sweep();
        assertThat(jobs.report(stopped.id()).status()).as("within its lease").isEqualTo(ImportJob.Status.RUNNING);

        MovableClock.advanceDays(1);
        jobs.sweep();

        ImportReport swept = jobs.report(stopped.id());
        assertThat(swept.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(swept.failure()).isEqualTo(ImportJobs.INTERRUPTED);
        assertThat(List.of(swept.rowsRead(), swept.created(), swept.updated(), swept.rejected(), swept.bytesRead()))
                .containsExactly(3000L, 2000L, 990L, 10L, 20000L);
        assertThat(swept.finishedAt()).isNotNull();

        // its kind is free: the file can be run again
        String again = importer.submit(ImportKind.MEMBERS,
                csv(MEMBERS_HEADER + TestData.memberNumber() + ",Run Again," + TestData.email("run again") + ",,\n"));
        assertThat(ended(again).status()).isEqualTo(ImportJob.Status.DONE);
    }

    @Test
    void anImportSweptWhileItRunsStopsAtItsNextBatchAndItsRowCountsExactlyWhatItCommitted() throws Exception {
        // card numbers of a range of their own (M100000-M149999: neither the demo's nor TestData's, whose
        // numbers other classes count on being theirs); run again on the same database, they update
        String tag = "Swept " + TestData.isbn();
        int rows = 50_000;
        StringBuilder csv = new StringBuilder(MEMBERS_HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("M%06d", 100_000 + i)).append(',').append(tag).append(' ').append(i).append(',')
                    .append("swept.").append(i).append('.').append(tag.substring(6)).append("@it.example.org,,\n");
        }
        Path file = csv(csv.toString());

        ImportReport started = jobs.report(importer.submit(ImportKind.MEMBERS, file));
        // its first batch committed: it runs, and has 49,000 rows to go
        for (int poll = 0; poll < 3000 && written(jobs.report(started.id())) == 0; poll++) {
            Thread.sleep(10);
        }
        // as if its instance had gone silent for a day; a batch committed between the clock's move and
        // the sweep carries a fresh heartbeat and is rightly not swept, so move again until one sweep takes it
        for (int attempt = 0; attempt < 20 && jobs.report(started.id()).running(); attempt++) {
            MovableClock.advanceDays(1);
            jobs.sweep();
        }
        for (int poll = 0; poll < 3000 && Files.exists(file); poll++) {
            Thread.sleep(50); // the import deletes its file when it stops
        }
        assertThat(file).as("the import stopped").doesNotExist();

        ImportReport swept = jobs.report(started.id());
        assertThat(swept.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(swept.failure()).isEqualTo(ImportJobs.INTERRUPTED);
        assertThat(written(swept)).as("stopped before the end").isPositive().isLessThan(rows);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM members WHERE name LIKE ?")) {
            count.setString(1, tag + " %");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("members written, against the row's counts").isEqualTo(written(swept));
            }
        }
    }

    /** Members an import created or changed: each now has the name the file gives. */
    private static long written(ImportReport report) {
        return report.created() + report.updated();
    }

    /** The import once it is no longer RUNNING, read again up to 3,000 times, 50 ms apart. */
    private ImportReport ended(String id) throws InterruptedException {
        for (int poll = 0; poll < 3000; poll++) {
            ImportReport report = jobs.report(id);
            if (!report.running()) {
                return report;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " still runs after 3,000 polls");
    }

    private static List<String> refusals(Connection connection, String id) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT line, reason FROM import_refusals WHERE import_id = ? ORDER BY line")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getLong(1) + ": " + rs.getString(2));
                }
            }
        }
        return lines;
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile("async-import-it-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
