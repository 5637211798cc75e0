package org.library.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import jakarta.annotation.Resource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.DeployedWith;
import org.library.testing.FacesForms;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * Who may do what over the REST API, proved over real HTTP for each role: anonymous callers read
 * the catalogue and nothing else, members only their own records, staff everything; 401 and 403
 * are problem documents. Also the accounts themselves: the stored hash is not the password, the
 * first-start admin exists, the owner changes their password. (Failed logins: {@code LoginThrottlingIT}.)
 */
@DeployedWith({ApiClient.class, FacesForms.class})
class ApiSecurityIT extends LibraryInContainerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MEMBER_PASSWORD = "a long member passphrase";

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource database;

    /** A member with a login account; answers the member id, the user name is the member number. */
    private static long memberWithAccount(ApiClient api, String number) {
        long id = api.member(number, "Reader " + number);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", MEMBER_PASSWORD))
                .statusCode(201).header("Location", containsString("/api/accounts/" + number.toLowerCase()))
                .body("role", is("MEMBER")).body("memberId", is((int) id));
        return id;
    }

    @Test
    @RunAsClient
    void anonymousCallersReadTheCatalogueButWriteNothing() {
        ApiClient api = new ApiClient(base);
        api.anonymous().get("/books").then().statusCode(200);
        api.anonymous().get("/authors").then().statusCode(200);
        api.anonymous().get("/status").then().statusCode(200).body("status", is("UP"));

        api.anonymous().body(Map.of("name", "Nobody")).post("/authors").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", startsWith("Basic realm=\"Library\""))
                .body("status", is(401)).body("type", containsString("unauthenticated"));
        api.anonymous().get("/members").then().statusCode(401).contentType(PROBLEM);
        api.anonymous().get("/loans").then().statusCode(401).contentType(PROBLEM);
        api.anonymous().delete("/books/1").then().statusCode(401).contentType(PROBLEM);
        api.anonymous().get("/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @RunAsClient
    void wrongCredentialsAre401EvenWhereAnonymousCallersAreWelcome() {
        ApiClient api = new ApiClient(base);
        api.as(TestData.ADMIN, "not the password").get("/books").then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("wrong"));
        api.as("no-such-user", "whatever password").get("/books").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @RunAsClient
    void aMemberSeesAndChangesOnlyTheirOwnRecords() {
        ApiClient api = new ApiClient(base);
        String number = TestData.memberNumber();
        long me = memberWithAccount(api, number);
        long other = api.member(TestData.memberNumber(), "Someone Else");
        long author = api.author("Security Author");
        long book = api.book(author, TestData.isbn(), 1);
        api.request().body(Map.of("bookId", book)).post("/members/{id}/borrows", other).then().statusCode(201);

        api.as(number, MEMBER_PASSWORD).get("/me").then().statusCode(200)
                .body("username", is(number.toLowerCase())).body("role", is("MEMBER")).body("memberId", is((int) me));
        api.as(number, MEMBER_PASSWORD).get("/members/{id}", me).then().statusCode(200).body("id", is((int) me));
        api.as(number, MEMBER_PASSWORD).get("/members/{id}/loans", me).then().statusCode(200);
        int hold = api.as(number, MEMBER_PASSWORD).body(Map.of("bookId", book)).post("/members/{id}/holds", me)
                .then().statusCode(201).extract().path("id");
        api.as(number, MEMBER_PASSWORD).delete("/members/{id}/holds/{hold}", me, hold).then().statusCode(204);

        // another member's records, and every staff action: 403
        api.as(number, MEMBER_PASSWORD).get("/members/{id}", other).then().statusCode(403).contentType(PROBLEM)
                .body("type", containsString("forbidden"));
        api.as(number, MEMBER_PASSWORD).get("/members/{id}/borrows", other).then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).body(Map.of("bookId", book)).post("/members/{id}/holds", other).then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).get("/members").then().statusCode(403).contentType(PROBLEM);
        api.as(number, MEMBER_PASSWORD).body(Map.of("bookId", book)).post("/members/{id}/borrows", me).then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).body(Map.of("name", "Member's Author")).post("/authors").then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).get("/loans").then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).get("/books/{id}/borrowers", book).then().statusCode(403);
        api.as(number, MEMBER_PASSWORD).get("/accounts/{u}", TestData.ADMIN).then().statusCode(403);

        // nothing of what was refused happened
        api.request().get("/members/{id}/holds", other).then().statusCode(200).body("size()", is(0));
        api.request().get("/members/{id}/borrows", me).then().statusCode(200).body("size()", is(0));
    }

    @Test
    @RunAsClient
    void staffMayDoEverythingAndSeeAccountsWithoutTheirHash() {
        ApiClient api = new ApiClient(base);
        api.request().get("/me").then().statusCode(200).body("username", is(TestData.ADMIN)).body("role", is("LIBRARIAN"));
        String number = TestData.memberNumber();
        memberWithAccount(api, number);
        api.request().get("/accounts/{u}", number.toLowerCase()).then().statusCode(200)
                .body("role", is("MEMBER")).body("failedLogins", is(0)).body("locked", is(false)).body("blockedClients", is(0))
                .body("passwordHash", nullValue());
        api.post("/members/0/account", Map.of("username", "nobody-here", "password", MEMBER_PASSWORD)).statusCode(404);
    }

    @Test
    @RunAsClient
    void passwordsAndUserNamesAreChecked() {
        ApiClient api = new ApiClient(base);
        long id = api.member(TestData.memberNumber(), "Short Password");
        api.post("/members/" + id + "/account", Map.of("username", "short-pw-" + id, "password", "short"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("password"));
        api.post("/members/" + id + "/account", Map.of("username", "x", "password", MEMBER_PASSWORD))
                .statusCode(400).body("errors[0].field", is("username"));
        api.post("/members/" + id + "/account", Map.of("username", TestData.ADMIN, "password", MEMBER_PASSWORD))
                .statusCode(409).body("type", containsString("username-taken"));
    }

    @Test
    @RunAsClient
    void theOwnerChangesTheirPasswordWithTheCurrentOne() {
        ApiClient api = new ApiClient(base);
        String number = TestData.memberNumber();
        memberWithAccount(api, number);
        String next = "my second passphrase";
        api.as(number, MEMBER_PASSWORD).body(Map.of("currentPassword", "not my password", "newPassword", next))
                .put("/me/password").then().statusCode(400).body("errors[0].field", is("currentPassword"));
        api.as(number, MEMBER_PASSWORD).body(Map.of("currentPassword", MEMBER_PASSWORD, "newPassword", number))
                .put("/me/password").then().statusCode(400).body("errors[0].field", is("newPassword"));
        api.as(number, MEMBER_PASSWORD).body(Map.of("currentPassword", MEMBER_PASSWORD, "newPassword", next))
                .put("/me/password").then().statusCode(204);
        api.as(number, next).get("/me").then().statusCode(200);
        api.as(number, MEMBER_PASSWORD).get("/me").then().statusCode(401);
    }

    @Test
    void theStoredValueIsAPbkdf2HashNotThePassword() throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT a.password_hash, a.role, l.employee_number FROM accounts a "
                             + "JOIN librarians l ON l.id = a.librarian_id WHERE a.username = ?")) {
            query.setString(1, TestData.ADMIN);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the first start created the admin account").isTrue();
                String stored = row.getString(1);
                assertThat(stored).doesNotContain(TestData.ADMIN_PASSWORD)
                        .startsWith("PBKDF2WithHmacSHA512:210000:");
                assertThat(row.getString(2)).isEqualTo("LIBRARIAN");
                assertThat(row.getString(3)).isEqualTo("E0000");
            }
        }
    }

    @Test
    @RunAsClient
    void responsesCarryTheSecurityHeadersAndNoServerVersion() {
        ApiClient api = new ApiClient(base);
        for (io.restassured.response.Response response : java.util.List.of(
                api.anonymous().get("/books"),
                io.restassured.RestAssured.given().get(base.toString()),
                io.restassured.RestAssured.given().get(base + "login.xhtml"))) {
            // pages carry PrimeFaces' nonce policy besides ours; a browser enforces every policy it gets
            String policies = String.join(" | ", response.headers().getValues("Content-Security-Policy"));
            assertThat(policies).contains("frame-ancestors 'none'").contains("object-src 'none'").contains("default-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.header("X-Powered-By")).isNull();
            assertThat(String.valueOf(response.header("Server"))).doesNotContainPattern("\\d");
        }
        io.restassured.response.Response page = io.restassured.RestAssured.given().get(base + "login.xhtml");
        assertThat(page.headers().getValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';?"));
        // the session starts at the login (anonymous pages create none: AnonymousSessionsIT)
        io.restassured.response.Response login = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD,
                "/index.xhtml", Map.of());
        assertThat(login.headers().getValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    @RunAsClient
    void aPagePostForgedElsewhereIsRefusedWithoutRunningAndShowsNoInternals() {
        ApiClient api = new ApiClient(base);
        // the victim: a librarian logged in on the pages (anonymous visitors have no session to abuse)
        Map<String, String> session = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD,
                "/index.xhtml", Map.of()).then().statusCode(302).extract().cookies();
        String enrolled = TestData.memberNumber();
        // what another site's form could send with the victim's cookie: no nonce, a made-up view state
        io.restassured.response.Response answer = io.restassured.RestAssured.given().cookies(session)
                .redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("member", "member").formParam("member:memberNumber", enrolled)
                .formParam("member:name", "Forged Enrolment").formParam("member:email", TestData.email("forged enrolment"))
                .formParam("member:save", "").formParam("jakarta.faces.ViewState", "-1234567890:987654321")
                .post(base + "member-edit.xhtml");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/errors/refused.html");
        String shown = io.restassured.RestAssured.given().get(answer.header("Location")).then().statusCode(200)
                .extract().asString();
        assertThat(shown).contains("This form was not accepted").doesNotContain("Exception");
        api.request().get("/members?q=" + enrolled).then().statusCode(200).body("items.size()", is(0));

        // a staff page's form posted without a login goes to the login form, and creates nothing
        String number = TestData.memberNumber();
        io.restassured.response.Response staffPost = io.restassured.RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("member", "member").formParam("member:memberNumber", number)
                .formParam("member:name", "Forged Member").formParam("member:email", TestData.email("forged"))
                .formParam("member:save", "").formParam("jakarta.faces.ViewState", "-1234567890:987654321")
                .post(base + "member-edit.xhtml");
        assertThat(staffPost.statusCode()).isEqualTo(302);
        assertThat(staffPost.header("Location")).contains("login.xhtml");
        api.request().get("/members?q=" + number).then().statusCode(200).body("items.size()", is(0));
    }
}
