package org.library.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * What an operator's tools see, over HTTP where Payara Micro serves it: the health checks and
 * the metrics, at the server's root beside the application. ({@link CirculationLogIT}: the logs.)
 */
class OperationsIT extends LibraryDeploymentTest {

    // ---- health ----------------------------------------------------------------------------

    @Test
    void readyWhenTheDatabaseAnswersAQuery() {
        given().baseUri(root()).when().get("/health/ready")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", is("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.status", is("UP"))
                .body("checks.find { it.name == 'database' }.data.database", anyOf(is("Apache Derby"), is("PostgreSQL")));
    }

    @Test
    void aliveWithoutAskingTheDatabase() {
        given().baseUri(root()).when().get("/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("application"))
                .body("checks.name", not(hasItem("database")));
    }

    @Test
    void theWholeHealthIsLivenessAndReadinessTogether() {
        given().baseUri(root()).when().get("/health")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("application", "database"));
    }

    // ---- metrics ---------------------------------------------------------------------------

    @Test
    void aBorrowCountsALoanMadeAndAnActiveLoanAndTheReturnCountsItBack() {
        long book = book(2);
        long member = member("Metrics Reader");
        Metrics before = metrics();

        write().body(Map.of("bookId", book)).post("/members/{id}/borrows", member).then().statusCode(201);
        Metrics borrowed = metrics();
        assertThat(borrowed.value("loans_made_total")).isEqualTo(before.value("loans_made_total") + 1);
        assertThat(borrowed.value("loans_active")).isEqualTo(before.value("loans_active") + 1);
        assertThat(borrowed.value("loans_returned_total")).isEqualTo(before.value("loans_returned_total"));

        write().delete("/members/{id}/borrows/{bookId}", member, book).then().statusCode(204);
        Metrics returned = metrics();
        assertThat(returned.value("loans_returned_total")).isEqualTo(before.value("loans_returned_total") + 1);
        assertThat(returned.value("loans_active")).isEqualTo(before.value("loans_active"));
        assertThat(returned.value("loans_made_total")).isEqualTo(borrowed.value("loans_made_total"));
    }

    @Test
    void holdsPlacedAndRefusalsAreCountedByReasonButARefusalMakesNoLoan() {
        long book = book(1);
        long reader = member("First Reader");
        long waiting = member("Waiting Reader");
        write().body(Map.of("bookId", book)).post("/members/{id}/borrows", reader).then().statusCode(201);
        Metrics before = metrics();

        write().body(Map.of("bookId", book)).post("/members/{id}/borrows", waiting).then().statusCode(409);
        write().body(Map.of("bookId", book)).post("/members/{id}/holds", waiting).then().statusCode(201);
        write().delete("/members/{id}/borrows/{bookId}", reader, book).then().statusCode(204);

        Metrics after = metrics();
        String[] noCopy = {"operation", "borrow", "reason", "no-copy-available"};
        assertThat(after.value("circulation_refusals_total", noCopy)).isEqualTo(before.valueOrZero("circulation_refusals_total", noCopy) + 1);
        assertThat(after.value("loans_made_total")).isEqualTo(before.value("loans_made_total"));
        assertThat(after.value("holds_placed_total")).isEqualTo(before.value("holds_placed_total") + 1);
        // the returned copy went aside for the member waiting
        assertThat(after.value("holds_ready_total")).isEqualTo(before.value("holds_ready_total") + 1);
    }

    @Test
    void restRequestsAreCountedAndTimedByEndpointMethodAndStatus() {
        String[] notFound = {"endpoint", "BooksResource.get", "method", "GET", "status", "404"};
        Metrics before = metrics();

        given().baseUri(api()).when().get("/books/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().baseUri(api()).when().get("/books/{id}", Long.MAX_VALUE).then().statusCode(404);

        Metrics after = metrics();
        assertThat(after.value("api_requests_seconds_count", notFound))
                .isEqualTo(before.valueOrZero("api_requests_seconds_count", notFound) + 2);
        assertThat(after.value("api_requests_seconds_sum", notFound))
                .isGreaterThan(before.valueOrZero("api_requests_seconds_sum", notFound))
                .isLessThan(before.valueOrZero("api_requests_seconds_sum", notFound) + 60); // seconds, not nanoseconds
        assertThat(after.value("api_requests_seconds_max", notFound)).isGreaterThan(0).isLessThan(60);
    }

    @Test
    void madeUpHttpMethodsAreTimedUnderOneTagNotOneEach() {
        String[] other = {"endpoint", "unmatched", "method", "other", "status", "405"};
        Metrics before = metrics();
        for (String method : new String[] {"MADEUP1", "MADEUP2", "MADEUP3"}) {
            given().baseUri(api()).when().request(method, "/books").then().statusCode(405);
        }

        Metrics after = metrics();
        assertThat(after.value("api_requests_seconds_count", other))
                .isEqualTo(before.valueOrZero("api_requests_seconds_count", other) + 3);
        assertThat(after.text()).doesNotContain("MADEUP");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The server's root: Payara serves /health and /metrics there, beside the application. */
    private String root() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private String api() {
        return base.toString().replaceAll("/$", "") + "/api";
    }

    /** Writes authenticate as the first-start librarian (the API's writes need the LIBRARIAN role). */
    private RequestSpecification write() {
        return given().baseUri(api()).auth().preemptive().basic(TestData.ADMIN, TestData.ADMIN_PASSWORD)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private long create(String path, Map<String, ?> body) {
        return ((Number) write().body(body).post(path).then().statusCode(201).extract().path("id")).longValue();
    }

    private long book(int copies) {
        long author = create("/authors", Map.of("name", "Counted Author"));
        return create("/books", Map.of("isbn", TestData.isbn(), "title", "Counted", "copies", copies, "authorId", author));
    }

    private long member(String name) {
        return create("/members", Map.of("memberNumber", TestData.memberNumber(), "name", name, "email", TestData.email(name)));
    }

    private Metrics metrics() {
        return new Metrics(given().baseUri(root()).accept("text/plain").queryParam("scope", "application")
                .when().get("/metrics").then().statusCode(200).extract().asString());
    }

    /** The application's metrics in the OpenMetrics text format, e.g. {@code loans_made_total{mp_scope="application"} 3.0}. */
    record Metrics(String text) {

        double value(String name, String... labels) {
            Double value = find(name, labels);
            if (value == null) {
                fail("No metric " + name + " " + String.join(",", labels) + " in:\n" + text);
            }
            return value;
        }

        /** For a series that appears with its first event (a refusal's reason, an endpoint's status). */
        double valueOrZero(String name, String... labels) {
            Double value = find(name, labels);
            return value == null ? 0 : value;
        }

        private Double find(String name, String... labels) {
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                    continue;
                }
                String series = line.substring(0, line.lastIndexOf(' '));
                boolean matches = true;
                for (int i = 0; i < labels.length; i += 2) {
                    matches &= series.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
                }
                if (matches && !series.contains("quantile=")) {
                    return Double.valueOf(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return null;
        }
    }
}
