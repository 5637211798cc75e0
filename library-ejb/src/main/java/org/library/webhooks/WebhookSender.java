package org.library.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.library.platform.access.Identity;
import org.library.webhooks.WebhookDeliveries.Claimed;
import org.library.webhooks.WebhookDeliveries.Outcome;

/**
 * Sends the webhooks, every second, on every instance, as the library itself: pumps the change
 * log's new entries into deliveries, claims the due ones, POSTs them all at once with
 * {@link HttpClient} (short timeouts, no redirects followed), and records each outcome. A round
 * still running when the next second comes makes that one skip; nothing here holds a transaction
 * while it waits for a receiver.
 *
 * <p>The client honours the JVM's proxy settings ({@code -Dhttps.proxyHost} …), so that an
 * operator can route every delivery through a forward proxy that decides which targets are
 * allowed (docs/events.md).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The most a receiver may take to answer; well within the lease. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Deliveries claimed per round. */
    static final int ROUND = 20;

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** Answers longer than this are not read further: a receiver says in its first lines why it failed. */
    private static final int ERROR_EXCERPT = 200;

    private final AtomicBoolean running = new AtomicBoolean();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(ProxySelector.getDefault())
            .build();

    private volatile boolean failing;

    @EJB
    WebhookDeliveries deliveries;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // said again: the class's did not reach the timer
    void everySecond() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Identity.run(Identity.SYSTEM, this::round);
            if (failing) {
                failing = false;
                LOG.info("Webhook deliveries work again.");
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every second
                failing = true;
                LOG.log(Level.WARNING, "Webhook deliveries failed; retried every second", e);
            }
        } finally {
            running.set(false);
        }
    }

    @Schedule(hour = "*", minute = "47", persistent = false)
    void prune() {
        int pruned = Identity.call(Identity.SYSTEM, deliveries::prune);
        if (pruned > 0) {
            LOG.info(() -> pruned + " finished webhook deliveries older than the change log's retention were pruned.");
        }
    }

    /** One round: what is to deliver now is delivered, as far as the receivers answer. */
    public void round() {
        deliveries.pump();
        List<Claimed> claimed = deliveries.claimDue(ROUND);
        List<CompletableFuture<Outcome>> sent = new ArrayList<>(claimed.size());
        for (Claimed delivery : claimed) {
            sent.add(send(delivery));
        }
        for (int i = 0; i < claimed.size(); i++) {
            Outcome outcome;
            try {
                outcome = sent.get(i).get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the leases run out, and the deliveries are sent again
            } catch (ExecutionException | TimeoutException e) {
                outcome = new Outcome(null, REQUEST_TIMEOUT.toMillis(), "not sent: " + e);
            }
            try {
                deliveries.record(claimed.get(i), outcome);
            } catch (RuntimeException e) {
                // the others are recorded still; this one's lease runs out, and it is sent again
                LOG.log(Level.WARNING, "Could not record the attempt of webhook delivery " + claimed.get(i), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        running.set(true); // no round starts while the application stops
    }

    private CompletableFuture<Outcome> send(Claimed delivery) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Library-Webhooks/1")
                    .header(WebhookSignatures.EVENT_ID, delivery.eventId())
                    .header(WebhookSignatures.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignatures.SIGNATURE, WebhookSignatures.signature(delivery.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, 0, "not sent: " + e.getMessage()));
        }
        long started = System.nanoTime(); // latency is measured, not decided: the real clock, not the business one
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .handle((response, failure) -> {
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new Outcome(null, latency, cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                    }
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        close(response);
                        return new Outcome(status, latency, null);
                    }
                    String excerpt = excerpt(response);
                    return new Outcome(status, latency, "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
                });
    }

    private static void close(HttpResponse<java.io.InputStream> response) {
        try {
            response.body().close();
        } catch (java.io.IOException e) {
            // the answer is taken; its body is nobody's concern
        }
    }

    private static String excerpt(HttpResponse<java.io.InputStream> response) {
        try (java.io.InputStream body = response.body()) {
            byte[] start = body.readNBytes(ERROR_EXCERPT);
            return new String(start, StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
