package org.library.transfer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.platform.Inputs;

/**
 * The import of members: each row checked by itself against {@link MemberData}, the good ones
 * written {@link CsvRows#BATCH} at a time by {@link MemberBatches}; a row whose card number exists
 * updates that member. In {@link CsvImporter}'s thread, without a transaction of its own.
 */
@Dependent
class MemberImport {

    private static final Map<String, String> MEMBER_COLUMNS = Map.of(
            "memberNumber", "member_number", "joinedOn", "joined_on");

    @Inject
    private Inputs inputs;

    @EJB
    private MemberBatches batches;

    @EJB
    private ImportJobs jobs;

    void run(ImportJob job, CsvSource source) {
        List<MemberLine> batch = new ArrayList<>(CsvRows.BATCH);
        Set<String> keys = new HashSet<>();
        for (CsvSource.Row row = CsvRows.next(source, () -> writeMembers(job, batch)); row != null;
             row = CsvRows.next(source, () -> writeMembers(job, batch))) {
            if (row.blank()) {
                continue;
            }
            job.rowRead();
            if (job.dueForSave()) {
                CsvRows.save(jobs, job);
            }
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
            if (batch.size() == CsvRows.BATCH) {
                writeMembers(job, batch);
                keys.clear();
            }
        }
        writeMembers(job, batch);
    }

    private Optional<MemberLine> memberLine(CsvSource.Row row, ImportJob job) {
        if (CsvRows.unreadable(row, job)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        MemberNumber number = CsvRows.key(row, "member_number", MemberNumber::parse, MemberNumber.FORM, problems);
        String name = row.get("name");
        EmailAddress email = CsvRows.key(row, "email", EmailAddress::parse, EmailAddress.FORM, problems);
        LocalDate joinedOn = CsvRows.date(row, "joined_on", problems);
        Boolean active = CsvRows.flag(row, "active", problems);
        if (problems.isEmpty()) {
            CsvRows.check(inputs, new MemberData(number, name, email, joinedOn, active), MEMBER_COLUMNS, problems);
        }
        if (!problems.isEmpty()) {
            job.rejected(new RowError(row.line(), String.join("; ", problems)));
            return Optional.empty();
        }
        return Optional.of(new MemberLine(row.line(), number.value(), name, email.value(), joinedOn, active));
    }

    private void writeMembers(ImportJob job, List<MemberLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ImportJob.Checkpoint progress = job.checkpoint();
            record(job, progress, batches.writeMembers(List.copyOf(batch), progress));
        } catch (BatchConflictException conflict) {
            for (MemberLine line : batch) { // see writeBooks
                try {
                    ImportJob.Checkpoint progress = job.checkpoint();
                    record(job, progress, batches.writeMembers(List.of(line), progress));
                } catch (BatchConflictException refused) {
                    job.rejected(new RowError(line.line(), refused.getMessage()));
                }
            }
        }
        batch.clear();
    }

    private static void record(ImportJob job, ImportJob.Checkpoint progress, MemberBatches.MemberOutcome outcome) {
        job.saved(progress, outcome.created(), outcome.updated(), outcome.unchanged(), outcome.rejected());
    }
}
