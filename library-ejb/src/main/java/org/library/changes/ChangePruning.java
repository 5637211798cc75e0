package org.library.changes;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;
import org.library.platform.access.Identity;

/** Prunes the change log every hour, as the library itself ({@link Identity#SYSTEM}). */
@Singleton
public class ChangePruning {

    private static final Logger LOG = Logger.getLogger(ChangePruning.class.getName());

    @EJB
    ChangeFeed feed;

    @Schedule(hour = "*", minute = "53", persistent = false)
    void prune() {
        int pruned = Identity.call(Identity.SYSTEM, feed::prune);
        if (pruned > 0) {
            LOG.info(() -> pruned + " change log entries older than the retention were pruned.");
        }
    }
}
