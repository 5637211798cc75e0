package org.library.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.library.accounts.ApiTokens;
import org.library.accounts.IssuedToken;
import org.library.accounts.TokenData;
import org.library.circulation.MovableClock;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;
import org.library.testing.ActingAsStaff;
import org.library.testing.ApiClient;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * API tokens over real HTTP: made by staff with the secret in the answer only, used as a bearer
 * token within their scopes (403 problems outside them), refused with a 401 problem at once when
 * revoked or expired, listed without secrets and with their last use; in the database only the
 * hash. The clock of this deployment is a {@link MovableClock}, moved over HTTP by
 * {@link ClockControl}, so that a token expires without anyone waiting.
 */
@DeployedWith({ApiClient.class, MovableClock.class, ApiTokensIT.ClockControl.class})
class ApiTokensIT extends LibraryInContainerTest {

    private static final String PROBLEM = "application/problem+json";

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource database;

    @Inject
    ApiTokens tokens;

    /** Moves this deployment's clock, for the client side of the tests; staff only, like every unmarked resource. */
    @Path("it/clock")
    @ApplicationScoped
    public static class ClockControl {

        @PUT
        public void advance(@QueryParam("minutes") long minutes) {
            MovableClock.advance(Duration.ofMinutes(minutes));
        }

        @DELETE
        public void reset() {
            MovableClock.reset();
        }
    }

    private record Made(long id, String secret) {
    }

    private static Made make(ApiClient api, String name, List<String> scopes, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of("name", name, "scopes", scopes)
                : Map.of("name", name, "scopes", scopes, "expiresAt", expiresAt.toString());
        Response created = api.request().body(body).post("/tokens");
        created.then().statusCode(201).header("Location", containsString("/api/tokens/"))
                .header("Cache-Control", containsString("no-store"))
                .body("name", is(name)).body("state", is("ACTIVE")).body("secret", org.hamcrest.Matchers.matchesPattern("lib_[A-Za-z0-9_-]{43}"));
        return new Made(((Number) created.path("id")).longValue(), created.path("secret"));
    }

    private static void revoke(ApiClient api, Made token) {
        api.request().delete("/tokens/{id}", token.id()).then().statusCode(204);
    }

    @Test
    @RunAsClient
    void aTokenMayDoWhatItsScopesAllowAndGets403ProblemsForTheRest() {
        ApiClient api = new ApiClient(base);
        Made catalogue = make(api, "catalogue sync", List.of(Roles.CATALOGUE_WRITE, Roles.CATALOGUE_READ), null);
        try {
            api.request().get("/tokens/{id}", catalogue.id()).then().statusCode(200)
                    .body("scopes", is(List.of(Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE)));
            long author = ((Number) api.bearer(catalogue.secret()).body(Map.of("name", "Token Author")).post("/authors")
                    .then().statusCode(201).extract().path("id")).longValue();
            api.bearer(catalogue.secret()).body(Map.of("isbn", TestData.isbn(), "title", "Token Book", "copies", 1, "authorId", author))
                    .post("/books").then().statusCode(201);
            api.bearer(catalogue.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);

            // outside its scopes: 403 problems, whatever the scope or person-only
            api.bearer(catalogue.secret()).get("/members").then().statusCode(403).contentType(PROBLEM)
                    .body("type", containsString("forbidden")).body("detail", containsString(Roles.MEMBERS_WRITE));
            api.bearer(catalogue.secret()).get("/loans").then().statusCode(403).contentType(PROBLEM);
            api.bearer(catalogue.secret()).accept("text/csv").get("/exports/members.csv").then().statusCode(403).contentType(PROBLEM);
            api.bearer(catalogue.secret()).get("/tokens").then().statusCode(403).contentType(PROBLEM);
            api.bearer(catalogue.secret()).get("/me").then().statusCode(403).contentType(PROBLEM);
        } finally {
            revoke(api, catalogue);
        }

        Made reader = make(api, "catalogue reader", List.of(Roles.CATALOGUE_READ), null);
        try {
            api.bearer(reader.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);
            api.bearer(reader.secret()).body(Map.of("name", "Never Written")).post("/authors").then().statusCode(403)
                    .contentType(PROBLEM).body("status", is(403)).body("detail", containsString(Roles.CATALOGUE_WRITE));
            api.request().queryParam("q", "Never Written").get("/authors").then().statusCode(200).body("items.size()", is(0));
        } finally {
            revoke(api, reader);
        }
    }

    @Test
    @RunAsClient
    void aCirculationTokenLendsForEveryMemberButReadsNoMemberRecord() {
        ApiClient api = new ApiClient(base);
        long member = api.member(TestData.memberNumber(), "Token Reader");
        long book = api.book(api.author("Token Lent Author"), TestData.isbn(), 1);
        Made desk = make(api, "self-service kiosk", List.of(Roles.CIRCULATION), null);
        try {
            api.bearer(desk.secret()).body(Map.of("bookId", book)).post("/members/{id}/borrows", member).then().statusCode(201);
            api.bearer(desk.secret()).get("/members/{id}/loans", member).then().statusCode(200).body("size()", is(1));
            api.bearer(desk.secret()).get("/members/{id}/borrows", member).then().statusCode(200).body("size()", is(1));
            api.bearer(desk.secret()).delete("/members/{id}/borrows/{book}", member, book).then().statusCode(204);

            api.bearer(desk.secret()).get("/members/{id}", member).then().statusCode(403).contentType(PROBLEM);
            api.bearer(desk.secret()).body(Map.of("name", "Not Mine")).post("/authors").then().statusCode(403).contentType(PROBLEM);
        } finally {
            revoke(api, desk);
        }
        api.request().get("/members/{id}/borrows", member).then().statusCode(200).body("size()", is(0));
    }

    @Test
    @RunAsClient
    void aRevokedTokenIsRefusedWithA401ProblemAtOnce() {
        ApiClient api = new ApiClient(base);
        Made token = make(api, "to be revoked", List.of(Roles.CATALOGUE_READ), null);
        api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);

        revoke(api, token);

        api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer realm=\"Library\""))
                .body("type", containsString("unauthenticated")).body("detail", containsString("revoked"));
        // refused even where anonymous callers are welcome, as a wrong password is
        api.bearer(token.secret()).get("/books").then().statusCode(401).contentType(PROBLEM);
        api.request().get("/tokens/{id}", token.id()).then().statusCode(200).body("state", is("REVOKED"))
                .body("revokedAt", notNullValue());
        revoke(api, token); // again: nothing changes
    }

    @Test
    @RunAsClient
    void anExpiredTokenIsRefusedWithA401Problem() {
        ApiClient api = new ApiClient(base);
        Made token = make(api, "for a day", List.of(Roles.CATALOGUE_READ), Instant.now().plus(Duration.ofDays(1)));
        api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);
        try {
            api.request().put("/it/clock?minutes=" + Duration.ofDays(2).toMinutes()).then().statusCode(204);

            api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(401).contentType(PROBLEM)
                    .body("detail", containsString("expired"));
            api.request().get("/tokens/{id}", token.id()).then().statusCode(200).body("state", is("EXPIRED"));
        } finally {
            api.request().delete("/it/clock").then().statusCode(204);
            revoke(api, token);
        }
    }

    @Test
    @RunAsClient
    void theListShowsTheLastUseButNeverASecret() {
        ApiClient api = new ApiClient(base);
        Made token = make(api, "last use " + TestData.memberNumber(), List.of(Roles.CATALOGUE_READ), null);
        try {
            api.request().get("/tokens/{id}", token.id()).then().statusCode(200).body("lastUsedAt", nullValue())
                    .body("secret", nullValue()).body("hash", nullValue());
            api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);
            String firstUse = api.request().get("/tokens/{id}", token.id()).then().statusCode(200)
                    .body("lastUsedAt", notNullValue()).extract().path("lastUsedAt");

            // used again within the minute: not written again
            api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);
            api.request().get("/tokens/{id}", token.id()).then().body("lastUsedAt", is(firstUse));
            // a minute and more later: written
            api.request().put("/it/clock?minutes=2").then().statusCode(204);
            api.bearer(token.secret()).accept("text/csv").get("/exports/books.csv").then().statusCode(200);
            String laterUse = api.request().get("/tokens/{id}", token.id()).then().extract().path("lastUsedAt");
            assertThat(Instant.parse(laterUse)).isAfter(Instant.parse(firstUse));

            Response list = api.request().get("/tokens?size=100&sort=-createdAt");
            list.then().statusCode(200).body("items.id", hasItem((int) token.id()))
                    .body("items.secret", everyItem(nullValue())).body("items.hash", everyItem(nullValue()));
            assertThat(list.asString()).doesNotContain(token.secret()).doesNotContain(token.secret().substring(4));
        } finally {
            api.request().delete("/it/clock").then().statusCode(204);
            revoke(api, token);
        }
    }

    @Test
    @RunAsClient
    void badTokensAndBadInputAreRefused() {
        ApiClient api = new ApiClient(base);
        api.bearer("lib_" + "A".repeat(43)).get("/books").then().statusCode(401).contentType(PROBLEM);
        api.bearer("not-a-token").get("/books").then().statusCode(401).contentType(PROBLEM);
        api.bearer("").get("/books").then().statusCode(401).contentType(PROBLEM);
        api.anonymous().get("/tokens").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));

        api.request().body(Map.of("name", "x", "scopes", List.of("everything"))).post("/tokens").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("scopes"));
        api.request().body(Map.of("name", " ", "scopes", List.of(Roles.CIRCULATION))).post("/tokens").then().statusCode(400)
                .body("errors[0].field", is("name"));
        api.request().body(Map.of("name", "n".repeat(101), "scopes", List.of(Roles.CIRCULATION))).post("/tokens").then()
                .statusCode(400).body("errors[0].field", is("name"));
        api.request().body(Map.of("name", "x", "scopes", List.of())).post("/tokens").then().statusCode(400)
                .body("errors[0].field", is("scopes"));
        api.request().body(Map.of("name", "x", "scopes", List.of(Roles.CIRCULATION), "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/tokens").then().statusCode(400).body("errors[0].field", is("expiresAt"));
        api.request().body(Map.of("name", "x", "scopes", Roles.CIRCULATION)).post("/tokens").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("scopes"));
        api.request().body(Map.of("name", "x", "scopes", List.of(1, 2))).post("/tokens").then().statusCode(400)
                .body("errors[0].field", is("scopes"));
        api.request().body(Map.of("name", "x", "scopes", List.of(Roles.CIRCULATION), "expiresAt", "tomorrow"))
                .post("/tokens").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("expiresAt"));
        api.request().body(Map.of("name", "x", "scopes", List.of(Roles.CIRCULATION), "secret", "lib_mine"))
                .post("/tokens").then().statusCode(400).body("errors[0].field", is("secret"));
        api.request().get("/tokens/0").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @RunAsClient
    void thePagesNeverTakeABearerToken() {
        ApiClient api = new ApiClient(base);
        Made token = make(api, "not for pages", List.of(Roles.ADMINISTRATION), null);
        try {
            Response page = RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token.secret())
                    .get(base + "tokens.xhtml");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.header("Location")).contains("/login.xhtml");
        } finally {
            revoke(api, token);
        }
    }

    @Test
    void theDatabaseKeepsOnlyTheHashOfTheSecret() throws Exception {
        IssuedToken issued = Identity.call(ActingAsStaff.STAFF,
                () -> tokens.create(new TokenData("stored " + TestData.memberNumber(), List.of(Roles.CIRCULATION), null)));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.secret().getBytes(StandardCharsets.US_ASCII)));
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT * FROM api_tokens WHERE id = ?")) {
            query.setLong(1, issued.token().getId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("hash")).isEqualTo(expected);
                assertThat(row.getString("scopes")).isEqualTo(Roles.CIRCULATION);
                assertThat(row.getString("created_by")).isEqualTo(ActingAsStaff.STAFF.name());
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(row.getObject(column))).as(row.getMetaData().getColumnName(column))
                            .doesNotContain(issued.secret().substring(4));
                }
            }
        } finally {
            Identity.run(ActingAsStaff.STAFF, () -> tokens.revoke(issued.token().getId()));
        }
    }
}
