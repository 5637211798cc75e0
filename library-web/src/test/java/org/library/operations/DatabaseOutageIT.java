package org.library.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The database stops while requests are served, and the service comes back by itself: in the
 * container, the test stops the application's database — embedded Derby is shut down (as Derby
 * does by itself after a fatal error); on PostgreSQL every connection of the application is
 * terminated (as a restarting server does) — three times, while eight clients read the catalogue
 * and a book and four staff clients add authors, over HTTP. Every answer is a success or a 503
 * problem document with {@code Retry-After}, never another error; at least one request felt the
 * stop (a write whose transaction the stop cut; reads EclipseLink retries on a fresh connection by
 * itself); and within seconds of the last stop, without any restart, the API answers and health
 * says ready and live.
 */
class DatabaseOutageIT extends LibraryInContainerTest {

    private static final int CLIENTS = 8;
    private static final int WRITERS = 4;
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource database;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aDatabaseStoppedUnderLoadAnswers503ProblemsThenServesAgainWithoutARestart() throws Exception {
        String api = base.toString().replaceAll("/$", "") + "/api";
        List<String> urls = List.of(api + "/books?q=austen", api + "/books?page=1&size=20", api + "/books/1");
        assertThat(get(urls.get(0)).statusCode()).isEqualTo(200);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + WRITERS);
        for (int c = 0; c < CLIENTS + WRITERS; c++) {
            int client = c;
            boolean writer = c >= CLIENTS;
            clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    HttpResponse<String> answer = writer
                            ? post(api + "/authors", "{\"name\": \"Outage Author " + client + "-" + n++ + "\"}")
                            : get(urls.get((client + n++) % urls.size()));
                    int expected = writer ? 201 : 200;
                    statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.statusCode() == 503 && !(isProblem(answer) && answer.headers().firstValue("Retry-After").isPresent())) {
                        wrong.add("503 without a problem document or Retry-After: " + answer.body());
                    } else if (answer.statusCode() != expected && answer.statusCode() != 503) {
                        wrong.add(answer.statusCode() + ": " + answer.body());
                    }
                }
                return null;
            });
        }
        Thread.sleep(1000);
        for (int stop = 0; stop < 3; stop++) {
            stopTheDatabase();
            Thread.sleep(1500);
        }
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(wrong).as("answers other than a success and a 503 problem").isEmpty();
        assertThat(statuses).as("requests that met the stopped database (statuses: %s)", statuses).containsKey(503);

        Instant deadline = Instant.now().plus(RECOVERY);
        boolean served = false;
        while (!served && Instant.now().isBefore(deadline)) {
            served = get(urls.get(0)).statusCode() == 200 && get(health("/ready")).statusCode() == 200;
            if (!served) {
                Thread.sleep(250);
            }
        }
        assertThat(served).as("served again within %s, without a restart", RECOVERY).isTrue();
        HttpResponse<String> live = get(health("/live"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"UP\"");
        for (String url : urls) {
            assertThat(get(url).statusCode()).as(url).isEqualTo(200);
        }
    }

    /** Embedded Derby: shut the database down. PostgreSQL: end every other connection of this role to it. */
    private void stopTheDatabase() throws SQLException {
        String product;
        String url;
        try (Connection connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            url = connection.getMetaData().getURL();
        }
        if (product.contains("Derby")) {
            try {
                DriverManager.getConnection(url.replaceAll(";.*$", "") + ";shutdown=true").close();
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).as("Derby's answer to a shutdown").isEqualTo("08006");
            }
        } else {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()");
            }
        }
    }

    private String health(String check) {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health" + check;
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isProblem(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }
}
