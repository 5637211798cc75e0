package org.library.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.library.webhooks.WebhookSignatures;

/**
 * A receiver of webhooks on loopback, a JDK HTTP server on a free port: checks each request's
 * signature with the endpoint's secret ({@link #secret}), answers the statuses queued (then 200;
 * 401 to a request whose signature is wrong), and keeps every request. Started by a test in the
 * server's JVM (in-container) or in its own (a browser test); the library reaches it either way.
 */
public final class WebhookReceiver {

    /** One request as it arrived. */
    public record Request(String eventId, String timestamp, boolean signed, String raw, int answered) {

        /** The body parsed (needs a JSON-P implementation: the server's, in-container). */
        public JsonObject body() {
            return Json.createReader(new StringReader(raw)).readObject();
        }

        public String type() {
            return body().getString("type");
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads;
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    /** The endpoint's secret, once it is made; requests before are refused. */
    public volatile String secret;
    /** How long each answer takes, e.g. to keep a sender's deliveries in flight while it is killed. */
    public volatile long delayMillis;

public WebhookReceiver(Integer... answers) throws IOException {
        this.answers.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("Library-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Library-Signature");
            boolean signed = secret != null && timestamp != null
                    && WebhookSignatures.signature(secret, Long.parseLong(timestamp), body).equals(signature)
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            int status;
            synchronized (this) {
                status = signed ? (this.answers.isEmpty() ? 200 : this.answers.poll()) : 401;
                requests.add(new Request(exchange.getRequestHeaders().getFirst("Library-Event-Id"), timestamp, signed,
                        body, status));
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = (status == 200 ? "ok" : "try again").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // one thread per request, as a real receiver answers: a slow answer holds up no other
        threads = java.util.concurrent.Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/hook";
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized void answerAlways(int status) {
        answers.clear();
        for (int i = 0; i < 1000; i++) {
            answers.add(status);
        }
    }

    public synchronized void answerOk() {
        answers.clear();
    }

    /** The event ids taken (answered 200), each once: what a receiver that de-duplicates by id processes. */
    public synchronized Set<String> taken() {
        Set<String> ids = new LinkedHashSet<>();
        requests.stream().filter(r -> r.answered() == 200).forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }
}
