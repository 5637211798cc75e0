package org.library.circulation;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.library.platform.access.Identity;

/**
 * Once a day, as the library itself ({@link Identity#SYSTEM}), anonymises the loans returned
 * longer ago than the privacy setting, in batches of {@link LoanHistoryPrivacy#BATCH}, each its own
 * transaction (so that a run over years of history holds no lock for long, and what it did stays
 * done if the instance stops). Every instance of a cluster runs it: two runs at once anonymise
 * the same loans at most once each, the second meeting the first's version (and rolling back
 * that batch, which the next day's run does again), never more than the setting allows.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoanHistoryAnonymising {

    private static final Logger LOG = Logger.getLogger(LoanHistoryAnonymising.class.getName());

    @EJB
    LoanHistoryPrivacy privacy;

    @Schedule(hour = "2", minute = "41", persistent = false)
    void daily() {
        try {
            int done = run();
            if (done > 0) {
                LOG.info(() -> done + " returned loan(s) older than the privacy period were anonymised.");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Anonymising the loan history stopped, to go on tomorrow: " + e);
        }
    }

    /** @return how many loans it anonymised, batch after batch until none is due */
    public int run() {
        return Identity.call(Identity.SYSTEM, () -> {
            int total = 0;
            int batch;
            do {
                batch = privacy.anonymiseBatch(LoanHistoryPrivacy.BATCH);
                total += batch;
            } while (batch == LoanHistoryPrivacy.BATCH);
            return total;
        });
    }
}
