package org.library.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Who holds a lease on work the instances of a cluster share (a notice, a webhook delivery, an
 * import, the day's digest run), as the rows that carry the leases name it.
 */
public final class Leases {

    /** This instance, for the operator: process id and host, as the JVM names itself. */
    public static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private Leases() {
    }

    /** The owner of a new lease: this instance, and an id of its own, so that two rounds of one instance never take each other's leases for theirs. */
    public static String newOwner() {
        return INSTANCE + "/" + UUID.randomUUID();
    }
}
