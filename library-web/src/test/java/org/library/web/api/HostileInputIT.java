package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.library.circulation.CirculationService;
import org.library.platform.access.Identity;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;
import org.library.web.api.HostileRequests.Reach;
import org.library.web.api.HostileRequests.Request;
import org.library.webhooks.EndpointData;
import org.library.notices.NoticeSender;
import org.library.webhooks.WebhookSender;
import org.library.webhooks.Webhooks;

/**
 * Issue 14, item 8: over a thousand malformed requests, made from the served OpenAPI document for
 * every one of its operations (see {@link HostileRequests}: wrong types, missing and unknown
 * fields, huge and empty values, bad encodings, injection strings, bad ids, bad credentials), sent
 * over real HTTP by the test in the container to its own server. No answer is a 5xx; every
 * refusal is an {@code application/problem+json} document whose {@code status} is the HTTP status,
 * with the status the contract fixes where it fixes one (401, 405, 406, 413, 415, 428, 400 for
 * paging); and no row of any table changed: each table's count and checksum, read with JDBC
 * before and after, are the same. All failures are collected and reported together, each with
 * the request that caused it.
 */
@DeployedWith({HostileRequests.class, RawHttp.class, TableChecksums.class})
class HostileInputIT extends LibraryInContainerTest {

    private static final String PROBLEM = "application/problem+json";

    /** Failed logins are counted here by design (see {@link #failedLoginsCountedOnlyForTheStrangers}). */
    private static final String LOGIN_FAILURES = "login_failures";

    /** Every import is recorded, refused rows and all, by design: checked apart (see {@link #importsThatWroteRows}). */
    private static final List<String> IMPORT_TABLES = List.of("imports", "import_refusals");

    /**
     * The library's own timers write these while the requests run (a notice retried, the digest's
     * run of a new day), so they are left out of the checksums; no request may add a notice, though
     * (the notices' pump, brought to the log's head first, is compared like any table).
     */
    private static final List<String> NOTICE_TABLES = List.of("notices", "notice_runs");

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource database;

    @Inject
    CirculationService circulation;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookSender webhookSender;

    @Inject
    NoticeSender noticeSender;

    @Test
    void malformedRequestsForEveryOperationAreRefusedWithProblemDocumentsAndChangeNoRow() throws Exception {
        // over the loopback interface, which the test server trusts as a proxy: X-Forwarded-For then
        // names the client, so that each request with wrong credentials comes from an address of its own
        RawHttp http = new RawHttp(InetAddress.getLoopbackAddress().getHostAddress(), base.getPort());
        String context = base.getPath().replaceAll("/$", "");
        String admin = "Basic " + Base64.getEncoder().encodeToString(
                (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        RawHttp.Answer served = http.send("GET", "/openapi", List.<String[]>of(new String[] {"Accept", "application/json"}), null);
        assertThat(served.status()).as("the OpenAPI document").isEqualTo(200);
        JsonObject openApi = Json.createReader(new ByteArrayInputStream(served.body())).readObject();
        List<String> operations = HostileRequests.operations(openApi);
        List<Request> requests = HostileRequests.from(openApi,
                new HostileRequests.Fixture(context, admin, TestData.ADMIN, realRecords()));

        // Before the first snapshot: the admin's credentials checked once (which clears failures
        // other tests made with them, and is then remembered), and the pickup windows that have
        // passed closed, as the hourly timer would (as the library itself): neither may change a row while the requests run.
        assertThat(http.send("GET", context + "/api/me", List.<String[]>of(new String[] {"Authorization", admin}), null).status())
                .as("the admin's credentials").isEqualTo(200);
        try (Identity.Scope timer = Identity.enter(Identity.SYSTEM)) {
            circulation.expireHolds();
            webhookSender.round(); // the webhook pump's place at the log's head: nothing moves it while no change is made
            noticeSender.makeDigests(); // today's digests, which the timer would make during the requests on a fresh database
            noticeSender.round(); // the notices' pump at the log's head too: what the other tests owe is made now, not during the requests
        }
        Map<String, TableChecksums.Table> before = tables();
        List<List<String>> loginFailuresBefore = loginFailures();
        Map<String, Long> importsBefore = importedRows();
        String noticesBefore = noticesMade();

        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> acceptedWrites = new ArrayList<>();
        Map<String, Integer> answeredByTheServer = new TreeMap<>();
        for (Request request : requests) {
            RawHttp.Answer answer;
            try {
                answer = http.send(request.method(), request.target(), request.headers(), request.body());
            } catch (IOException e) {
                failures.add(request.describe() + "\n    -> no answer: " + e);
                continue;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            byOperation.computeIfAbsent(request.operation(), o -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            wrong(request, answer).ifPresent(why -> failures.add(request.describe() + "\n    -> " + why));
            if (answer.status() / 100 == 2 && !request.method().equals("GET")) {
                acceptedWrites.add(answer.status() + " " + request.method() + " " + HostileRequests.abbreviate(request.target(), 100)
                        + " [" + request.kind() + "]");
            }
            if (request.reach() == Reach.CONTAINER) {
                answeredByTheServer.merge(answer.status() + " " + answer.header("Content-Type").orElse("(no Content-Type)")
                        + " [" + request.kind() + "]", 1, Integer::sum);
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, TableChecksums.Table> after = tables();
        List<List<String>> loginFailuresAfter = loginFailures();
        long strangers = requests.stream().filter(Request::wrongCredentials).count();

        System.out.println(report(requests, took, byOperation, byStatus, acceptedWrites, answeredByTheServer, before, failures));

        // every finding at once: the answers, the operations, the tables
        List<String> wrong = new ArrayList<>();
        if (requests.size() < 500) {
            wrong.add("only " + requests.size() + " malformed requests, not 500");
        }
        operations.stream().filter(operation -> !byOperation.containsKey(operation))
                .forEach(operation -> wrong.add("no malformed request for " + operation));
        if (!failures.isEmpty()) {
            wrong.add(failures.size() + " of " + requests.size() + " requests answered wrongly:\n\n" + String.join("\n\n", failures));
        }
        after.keySet().stream().filter(table -> !before.containsKey(table)).forEach(table -> before.put(table, null));
        before.forEach((table, rows) -> {
            if (!Objects.equals(rows, after.get(table))) {
                wrong.add("table " + table + " changed: before " + rows + ", after " + after.get(table));
            }
        });
        wrong.addAll(failedLoginsCountedOnlyForTheStrangers(loginFailuresBefore, loginFailuresAfter, strangers));
        wrong.addAll(importsThatWroteRows(importsBefore, importedRows()));
        if (!noticesBefore.equals(noticesMade())) {
            wrong.add("notices were made: before " + noticesBefore + ", after " + noticesMade());
        }
        assertThat(wrong).withFailMessage(String.join("\n\n", wrong)).isEmpty();
    }

    /** What is wrong with an answer, if anything. */
    private static Optional<String> wrong(Request request, RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return Optional.of("a server error: " + status + " " + summary(answer));
        }
        if (request.expected() != 0 && status != request.expected()) {
            return Optional.of("expected " + request.expected() + ", got " + status + " " + summary(answer));
        }
        if (request.reach() == Reach.CONTAINER || status / 100 == 2) {
            return Optional.empty(); // a refusal before the application; an answer of the API (rows tell whether it changed any)
        }
        if (status < 400) {
            return Optional.of("neither a success nor a refusal: " + status + " " + summary(answer));
        }
        String type = answer.header("Content-Type").orElse("");
        if (!type.startsWith(PROBLEM)) {
            return Optional.of(status + " without a problem document: " + summary(answer));
        }
        JsonObject problem;
        try {
            JsonValue json = Json.createReader(new ByteArrayInputStream(answer.body())).readValue();
            if (json.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.of(status + ": the problem document is no JSON object: " + summary(answer));
            }
            problem = json.asJsonObject();
        } catch (RuntimeException e) {
            return Optional.of(status + ": the problem document is no JSON: " + summary(answer));
        }
        if (!(problem.get("type") instanceof JsonString) || !(problem.get("title") instanceof JsonString)
                || !(problem.get("status") instanceof JsonNumber number) || number.intValue() != status) {
            return Optional.of(status + ": the problem document lacks type, title or the status " + status + ": " + summary(answer));
        }
        return Optional.empty();
    }

    private static String summary(RawHttp.Answer answer) {
        return answer.header("Content-Type").orElse("(no Content-Type)") + " "
                + HostileRequests.abbreviate(answer.text().strip(), 300);
    }

    /**
     * Failed logins are counted in {@code login_failures} by design, so bad credentials add rows
     * there, and the table is left out of the checksums. What the requests may do to it is still
     * checked: at most one new row per request with wrong credentials (user names that do not
     * exist, each from an address of its own), and every row that was there is there unchanged,
     * but for those the hourly pruning may remove (a day old and no longer blocking).
     */
    private static List<String> failedLoginsCountedOnlyForTheStrangers(List<List<String>> before, List<List<String>> after,
                                                                       long strangers) {
        List<List<String>> gone = new ArrayList<>(before);
        after.forEach(gone::remove);
        long now = System.currentTimeMillis();
        gone.removeIf(row -> prunable(row, now));
        List<String> wrong = new ArrayList<>();
        if (!gone.isEmpty()) {
            wrong.add("rows of " + LOGIN_FAILURES + " that were there before the requests, changed or gone: " + gone);
        }
        List<List<String>> added = new ArrayList<>(after);
        before.forEach(added::remove);
        if (added.size() > strangers) {
            wrong.add(added.size() + " new rows of " + LOGIN_FAILURES + ", more than the " + strangers + " requests with wrong credentials");
        }
        return wrong;
    }

    private static boolean prunable(List<String> row, long now) {
        Map<String, String> columns = row.stream().collect(Collectors.toMap(v -> v.substring(0, v.indexOf('=')),
                v -> v.substring(v.indexOf('=') + 1)));
        String blockedUntil = columns.get("blocked_until");
        return Long.parseLong(columns.get("last_failure_at")) < now - Duration.ofDays(1).toMillis()
                && (blockedUntil == null || blockedUntil.equals("null") || Long.parseLong(blockedUntil) < now);
    }

    /** A real record of each collection to aim requests at; a librarian with a profile, so that a PUT of it replaces one. */
    private Map<String, String> realRecords() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("authors", "SELECT MIN(id) FROM authors");
        queries.put("books", "SELECT MIN(id) FROM books");
        queries.put("members", "SELECT MIN(id) FROM members");
        queries.put("librarians", "SELECT MIN(librarian_id) FROM profiles");
        queries.put("loans", "SELECT MIN(id) FROM loans");
        queries.put("webhooks", "SELECT MIN(id) FROM webhook_endpoints");
        try (Identity.Scope staff = Identity.enter(Identity.SYSTEM)) {
            // inactive: no delivery is made for it, so that no attempt writes a row while the requests run
            webhooks.create(new EndpointData("https://hooks.example.org/hostile-input", null, false, false));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (ResultSet result = statement.executeQuery(query.getValue())) {
                    if (result.next() && result.getObject(1) != null) {
                        ids.put(query.getKey(), Long.toString(result.getLong(1)));
                    }
                }
            }
        }
        return ids;
    }

    private Map<String, TableChecksums.Table> tables() throws SQLException {
        try (Connection connection = database.getConnection()) {
            Map<String, TableChecksums.Table> tables = TableChecksums.of(connection);
            assertThat(tables).as("the schema's tables").containsKeys("books", "accounts", LOGIN_FAILURES);
            tables.remove(LOGIN_FAILURES);
            IMPORT_TABLES.forEach(tables::remove);
            NOTICE_TABLES.forEach(tables::remove);
            return tables;
        }
    }

    /** The newest notice's id: what a request that made one would change (the hourly pruning only removes old ones). */
    private String noticesMade() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM notices")) {
            rows.next();
            return "the newest notice " + rows.getString(1);
        }
    }

    /** Each import with the rows it wrote (created, updated or found unchanged). */
    private Map<String, Long> importedRows() throws SQLException {
        Map<String, Long> imports = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, rows_created + rows_updated + rows_unchanged FROM imports")) {
            while (rows.next()) {
                imports.put(rows.getString(1), rows.getLong(2));
            }
        }
        return imports;
    }

    /**
     * The imports the requests started are recorded in {@code imports} (and their refused rows in
     * {@code import_refusals}) by design, so both are left out of the checksums; every row of every
     * hostile file must still be refused, so none of them wrote a row (the books and members tables
     * are compared too), and the imports that were there before are as they were.
     */
    private static List<String> importsThatWroteRows(Map<String, Long> before, Map<String, Long> after) {
        List<String> wrong = new ArrayList<>();
        after.forEach((id, written) -> {
            if (before.containsKey(id) ? !before.get(id).equals(written) : written != 0) {
                wrong.add("import " + id + " wrote " + written + " rows" + (before.containsKey(id) ? " more" : ""));
            }
        });
        return wrong;
    }

    private List<List<String>> loginFailures() throws SQLException {
        try (Connection connection = database.getConnection()) {
            return TableChecksums.rows(connection, TableChecksums.named(connection, LOGIN_FAILURES));
        }
    }

    private static String report(List<Request> requests, Duration took, Map<String, Map<Integer, Integer>> byOperation,
                                 Map<Integer, Integer> byStatus, List<String> acceptedWrites, Map<String, Integer> answeredByTheServer,
                                 Map<String, TableChecksums.Table> tables, List<String> failures) {
        long operations = byOperation.keySet().stream().filter(operation -> !operation.startsWith("(server)")).count();
        StringBuilder report = new StringBuilder("\n=== HostileInputIT: ").append(requests.size()).append(" malformed requests over ")
                .append(operations).append(" operations (and the server's own parsing) in ").append(took.toSeconds()).append(" s; ")
                .append(failures.size()).append(" answered wrongly\n");
        report.append("By status: ").append(byStatus).append('\n');
        report.append("By operation:\n");
        byOperation.forEach((operation, statuses) -> report.append(String.format("  %-52s %4d  %s%n", operation,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses)));
        report.append("Answered by the server before the application:\n");
        answeredByTheServer.forEach((line, count) -> report.append(String.format("  %4d x %s%n", count, line)));
        report.append("Writes answered 2xx (").append(acceptedWrites.size()).append("; the rows below say whether any changed):\n");
        acceptedWrites.forEach(line -> report.append("  ").append(line).append('\n'));
        report.append("Tables compared: ").append(tables.keySet()).append('\n');
        return report.toString();
    }
}
