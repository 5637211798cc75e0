package org.library.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sender's steps are transactions of their own, made again when the database aborted one for
 * a lock conflict: a digest batch of a hundred notices whose identity values met another
 * transaction's on Derby (40XL1) is made again at once, and the run goes on; a lost lease is no
 * conflict and ends the run. Stubs stand in for the services: this is the sender's own logic.
 */
class NoticeSenderRetryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    /** How a transaction Derby aborted reaches the caller of a service: EJBException, JPA, SQL. */
    private static EJBException aborted(String sqlState) {
        return new EJBException(new jakarta.persistence.PersistenceException(new SQLException("aborted", sqlState)));
    }

    /** A digest run whose batches end as given, in order: a Run goes on, empty ends the day, an exception is thrown. */
    private static final class ScriptedRun extends DigestRun {

        final Deque<Object> batches;
        int claims;
        int batchCalls;

        ScriptedRun(Object... batches) {
            this.batches = new ArrayDeque<>(List.of(batches));
        }

        @Override
        public Optional<Run> claim() {
            claims++;
            return Optional.of(new Run(DAY, "this-instance", 0));
        }

        @Override
        public Optional<Run> batch(Run run) {
            batchCalls++;
            Object outcome = batches.pop();
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return outcome instanceof Run next ? Optional.of(next) : Optional.empty();
        }
    }

    private final NoticeSender sender = new NoticeSender();

    @Test
    void aDigestBatchAbortedForALockConflictIsMadeAgainAndTheRunGoesOn() {
        ScriptedRun run = new ScriptedRun(aborted("40XL1"), new DigestRun.Run(DAY, "this-instance", 100), aborted("40001"), "done");
        sender.digests = run;

        assertThat(sender.makeDigests()).as("batches made").isEqualTo(2);
        assertThat(run.batchCalls).isEqualTo(4);
        assertThat(run.claims).isEqualTo(1);
    }

    @Test
    void aBatchThatLostItsLeaseEndsTheRunAndIsNotMadeAgain() {
        ScriptedRun run = new ScriptedRun(new DigestRun.LeaseLostException(), "never");
        sender.digests = run;

        assertThatThrownBy(sender::makeDigests).isInstanceOf(DigestRun.LeaseLostException.class);
        assertThat(run.batchCalls).isEqualTo(1);
    }

    @Test
    void theDigestsGiveUpAfterThreeConflictsInARowAndTheNextMinuteCarriesOn() {
        ScriptedRun run = new ScriptedRun(aborted("40XL1"), aborted("40XL1"), aborted("40XL1"), "never");
        sender.digests = run;

        assertThatThrownBy(sender::makeDigests).isInstanceOf(EJBException.class);
        assertThat(run.batchCalls).isEqualTo(3);
    }

    @Test
    void aPumpAbortedForALockConflictIsMadeAgainBeforeTheRoundClaimsItsNotices() {
        int[] pumps = {0};
        int[] claims = {0};
        sender.outbox = new NoticeOutbox() {
            @Override
            public int pump() {
                if (++pumps[0] == 1) {
                    throw aborted("40XL1");
                }
                return 1;
            }

            @Override
            public List<Claimed> claimDue(int max) {
                claims[0]++;
                return List.of(); // nothing due: the round ends before the mail server
            }
        };

        sender.round();

        assertThat(pumps[0]).isEqualTo(2);
        assertThat(claims[0]).isEqualTo(1);
    }
}
