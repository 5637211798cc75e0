package org.library.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;

/**
 * A REST client for the deployed API over real HTTP, with the few requests many tests need. Public
 * so that the browser tests can set up their data over REST, which is faster than through pages.
 */
public final class ApiClient {

    private final String api;

    public ApiClient(URL deployment) {
        this.api = deployment.toString().replaceAll("/$", "") + "/api";
    }

    /** A request as the first-start admin, a librarian: allowed everything. */
    public RequestSpecification request() {
        return anonymous().auth().preemptive().basic(TestData.ADMIN, TestData.ADMIN_PASSWORD);
    }

    /** A request as the given account. */
    public RequestSpecification as(String username, String password) {
        return anonymous().auth().preemptive().basic(username, password);
    }

    /** A request with an API token ({@code Authorization: Bearer}). */
    public RequestSpecification bearer(String secret) {
        return anonymous().header("Authorization", "Bearer " + secret);
    }

    /** A request without credentials. */
    public RequestSpecification anonymous() {
        return given().baseUri(api).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The current ETag of a record (as a client reads it before changing or deleting the record). */
    public String etag(String path) {
        return request().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A request as the admin that names the record's current version in {@code If-Match}. */
    public RequestSpecification current(String path) {
        return request().header("If-Match", etag(path));
    }

    public ValidatableResponse post(String path, Object body) {
        return request().body(body).when().post(path).then();
    }

    /** Creates a record and answers its id (asserting the 201). */
    public long create(String path, Map<String, ?> body) {
        return ((Number) post(path, body).statusCode(201).extract().path("id")).longValue();
    }

    /**
     * Posts a CSV file as the admin (202 and the import's Location, at once) and polls the import
     * until it has ended: its report.
     */
    public io.restassured.path.json.JsonPath importCsv(String kind, byte[] csv) {
        io.restassured.response.Response accepted = request().contentType("text/csv; charset=UTF-8").body(csv)
                .post("/imports/" + kind);
        accepted.then().statusCode(202).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString("/api/imports/"));
        return importEnded(accepted.header("Location"));
    }

    /** The import at {@code location} once it is no longer RUNNING, polled (up to 3,000 times, 50 ms apart). */
    public io.restassured.path.json.JsonPath importEnded(String location) {
        for (int poll = 0; poll < 3000; poll++) {
            io.restassured.path.json.JsonPath report = request().get(location).then().statusCode(200)
                    .contentType(ContentType.JSON).extract().jsonPath();
            if (!report.getString("status").equals("RUNNING")) {
                return report;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling " + location, e);
            }
        }
        throw new AssertionError("the import at " + location + " still runs after 3,000 polls");
    }

    public long author(String name) {
        return create("/authors", Map.of("name", name));
    }

    public long book(long authorId, String isbn, int copies) {
        return create("/books", Map.of("isbn", isbn, "title", "Book " + isbn, "copies", copies, "authorId", authorId));
    }

    public long member(String number, String name) {
        return create("/members", Map.of("memberNumber", number, "name", name, "email", TestData.email(name)));
    }
}
