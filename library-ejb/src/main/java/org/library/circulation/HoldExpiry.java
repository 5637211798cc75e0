package org.library.circulation;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;
import org.library.platform.access.Identity;

/**
 * Ends pickup windows that passed, every hour, so that a copy nobody collected goes to the next
 * member in line without waiting for someone to touch the book. (Every operation on a book does
 * the same for that book first.) Nobody asked: it works as the library itself ({@link Identity#SYSTEM}).
 */
@Singleton
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());

    @EJB
    CirculationService circulation;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void expirePickupWindows() {
        int expired = Identity.call(Identity.SYSTEM, circulation::expireHolds);
        if (expired > 0) {
            LOG.info(() -> expired + " hold(s) expired; their copies passed to the next in line or the shelf.");
        }
    }
}
