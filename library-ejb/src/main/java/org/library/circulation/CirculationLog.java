package org.library.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/**
 * One log line per circulation event and per refusal, at INFO, on the component's logger
 * {@code org.library.circulation} (java.util.logging, which Payara and GlassFish route to the
 * server log). Silence it with {@code org.library.circulation.level=WARNING} in the server's
 * logging configuration. Ids only, never names or emails: logs are kept and shipped where
 * personal data must not go.
 */
@ApplicationScoped
public class CirculationLog {

    static final Logger LOG = Logger.getLogger(CirculationLog.class.getPackageName());

    /** After the commit: a borrow the database rolled back (a deadlock victim) never happened. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CirculationEvent event) {
        LOG.info(event::toLogLine);
    }

    void refused(@Observes CirculationRefusal refusal) {
        LOG.info(refusal::toLogLine);
    }
}
