package org.library.transfer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.platform.access.Identity;

/**
 * Ends the imports whose instance stopped ({@link ImportJobs#sweep()}): when this instance starts
 * (it may be the one that stopped), and every minute on every instance, so that an import is never
 * left RUNNING for longer than its lease and a minute after its last batch. Nobody asked: it works
 * as the library itself ({@link Identity#SYSTEM}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class ImportSweep {

    private static final Logger LOG = Logger.getLogger(ImportSweep.class.getName());

    @EJB
    ImportJobs jobs;

    @PostConstruct
    void atStart() {
        sweep();
    }

    /**
     * Undeployed (a redeploy, a stop that undeploys first), the application does not leave its
     * imports to the lease: those running here end now, and their kinds are free. (A Payara Micro
     * stopped with SIGTERM was not seen to get here: then the sweep of the next start or of
     * another instance does it.)
     */
    @PreDestroy
    void atStop() {
        try {
            int ended = Identity.call(Identity.SYSTEM, jobs::stopHere);
            if (ended > 0) {
                LOG.warning(() -> ended + " import(s) running here are marked FAILED, with the counts of what they imported: "
                        + "the instance stops.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the imports running here; the sweep of another instance will", e);
        }
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void everyMinute() {
        sweep();
    }

    private void sweep() {
        int ended = Identity.call(Identity.SYSTEM, jobs::sweep);
        if (ended > 0) {
            LOG.warning(() -> ended + " import(s) lost the instance that ran them and are marked FAILED, with the counts "
                    + "of what they imported.");
        }
    }
}
