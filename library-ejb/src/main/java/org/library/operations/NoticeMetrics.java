package org.library.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.library.notices.NoticeAttempt;
import org.library.notices.NoticeOutbox;

/**
 * The e-mail notices in metrics: {@code notices.sent} and {@code notices.send.failures} (attempts
 * on this instance), and the gauges {@code notices.pending} and {@code notices.failed} (counted in
 * the database, for the whole cluster). A rising failure count with a growing queue is a mail
 * server that does not take the library's messages.
 */
@ApplicationScoped
public class NoticeMetrics {

    private static final Logger LOG = Logger.getLogger(NoticeMetrics.class.getPackageName());

    @Inject
    MetricRegistry registry;

    @Inject
    NoticeOutbox outbox;

    private Counter sent;

    private Counter failures;

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sent = registry.counter(Metadata.builder().withName("notices.sent")
                .withDescription("E-mail notices the mail server took, from this instance").withUnit(MetricUnits.NONE).build());
        failures = registry.counter(Metadata.builder().withName("notices.send.failures")
                .withDescription("Attempts to send an e-mail notice that failed, from this instance").withUnit(MetricUnits.NONE).build());
        registry.gauge(Metadata.builder().withName("notices.pending")
                .withDescription("E-mail notices waiting to be sent, counted in the database").build(), this, m -> m.count(true));
        registry.gauge(Metadata.builder().withName("notices.failed")
                .withDescription("E-mail notices given up after their retries, counted in the database").build(), this, m -> m.count(false));
    }

    void count(@Observes NoticeAttempt attempt) {
        (attempt.sent() ? sent : failures).inc();
    }

    /** NaN when the database does not answer: the scrape still succeeds, and readiness tells why. */
    double count(boolean pending) {
        try {
            NoticeOutbox.Status status = outbox.status();
            return pending ? status.pending() : status.failed();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "notices: the database does not answer", e);
            return Double.NaN;
        }
    }
}
