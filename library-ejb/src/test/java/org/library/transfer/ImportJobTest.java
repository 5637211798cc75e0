package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportJobTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCheckpointCarriesTheCountsAndTheRefusalsNotYetWrittenAndTheBatchAddsItsOwn() {
        ImportJob job = new ImportJob("an-import", ImportKind.BOOKS, clock);
        job.rowRead();
        job.rowRead();
        job.rowRead();
        job.rejected(new RowError(2, "isbn: bad"));

        ImportJob.Checkpoint before = job.checkpoint();
        List<RowError> batchRefused = List.of(new RowError(4, "copies: too few"));

        assertThat(before.rowsRead()).isEqualTo(3);
        assertThat(before.rejected()).isEqualTo(1);
        assertThat(before.toList(batchRefused)).extracting(RowError::line).containsExactly(2L, 4L);

        job.saved(before, 1, 0, 0, batchRefused);
        ImportJob.Checkpoint after = job.checkpoint();

        assertThat(List.of(after.created(), after.rejected(), (long) after.listed())).containsExactly(1L, 2L, 2L);
        assertThat(after.unsaved()).isEmpty();
        assertThat(job.rowsDone()).isEqualTo(3);
    }

    @Test
    void refusalsAreListedUpToTheBoundThenOnlyCounted() {
        ImportJob job = new ImportJob("many-refused", ImportKind.MEMBERS, clock);
        IntStream.range(0, ImportJob.MAX_LISTED_ERRORS - 1).forEach(i -> job.rejected(new RowError(i + 2, "bad")));
        ImportJob.Checkpoint first = job.checkpoint();
        List<RowError> batchRefused = List.of(new RowError(5000, "one more"), new RowError(5001, "beyond the list"));

        assertThat(first.toList(batchRefused)).hasSize(ImportJob.MAX_LISTED_ERRORS).last()
                .extracting(RowError::line).isEqualTo(5000L);

        job.saved(first, 0, 0, 0, batchRefused);
        job.rejected(new RowError(6000, "counted, not listed"));
        ImportJob.Checkpoint then = job.checkpoint();

        assertThat(then.listed()).isEqualTo(ImportJob.MAX_LISTED_ERRORS);
        assertThat(then.unsaved()).isEmpty();
        assertThat(then.toList(List.of(new RowError(7000, "nor this")))).isEmpty();
        assertThat(then.rejected()).isEqualTo(ImportJob.MAX_LISTED_ERRORS + 2);
    }

    @Test
    void theRowIsDueForAnUpdateAfterManyRowsWithoutABatchOrAQuarterOfTheLease() {
        MovingClock moving = new MovingClock();
        ImportJob job = new ImportJob("quiet", ImportKind.BOOKS, moving);
        IntStream.range(0, ImportJob.ROWS_BETWEEN_SAVES - 1).forEach(i -> job.rowRead());
        assertThat(job.dueForSave()).isFalse();
        job.rowRead();
        assertThat(job.dueForSave()).isTrue();

        job.saved(job.checkpoint(), 0, 0, 0, List.of());
        assertThat(job.dueForSave()).isFalse();
        moving.now = moving.now.plus(ImportJobs.LEASE.dividedBy(4));
        assertThat(job.dueForSave()).isTrue();
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-29T03:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
