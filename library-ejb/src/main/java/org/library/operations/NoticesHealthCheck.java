package org.library.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.library.notices.NoticeOutbox;
import org.library.notices.NoticeSettings;

/**
 * The e-mail notices in {@code /health}: {@code mail} is {@code off}, {@code sending}, or
 * {@code failing} (a notice waits after a failed attempt), with the counts, and since when the
 * oldest failing notice waits. Always UP: a mail server that does not answer must not take the
 * instance out of its load balancer, where it lends and returns books as well as ever; a monitor
 * alerts on {@code mail = failing} (or on the metrics) instead. Never the error text, which may
 * name hosts: {@code /health} is public; the log and the member page's notice log have it.
 */
@Readiness
@ApplicationScoped
public class NoticesHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(NoticesHealthCheck.class.getPackageName());

    @Inject
    NoticeSettings settings;

    @Inject
    NoticeOutbox outbox;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("notices").up();
        if (!settings.enabled()) {
            return response.withData("mail", "off").build();
        }
        try {
            NoticeOutbox.Status status = outbox.status();
            response.withData("mail", status.failingSince().isPresent() ? "failing" : "sending")
                    .withData("pending", status.pending())
                    .withData("failed", status.failed());
            status.failingSince().ifPresent(since -> response.withData("failingSince", since.toString()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "notices: the database does not answer", e); // the database check says so
            response.withData("mail", "unknown");
        }
        return response.build();
    }
}
