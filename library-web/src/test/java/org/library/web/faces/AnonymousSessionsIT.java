package org.library.web.faces;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.FacesForms;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Anonymous browsing keeps nothing on the server: every public page, asked for over and over by a
 * client that sends no cookie (a crawler, a loop), answers without creating an HTTP session, i.e.
 * without a single {@code Set-Cookie}. Logging in still creates the session (with a new id), staff
 * still delete after seeing a record (and are refused when it changed meanwhile), and a login form
 * posted from another site logs nobody in. All over real HTTP, where every header can be seen.
 */
@RunAsClient
class AnonymousSessionsIT extends LibraryDeploymentTest {

    private static final int REQUESTS = 100;

    /** A public page, the status it answers and a text that shows it is the right page. */
    private record PublicPage(String path, int status, String shows) {
    }

    @Test
    void everyPublicPageAnswersAnonymousVisitorsWithoutCreatingASession() {
        ApiClient api = new ApiClient(base);
        String word = word();
        String authorName = "Anonymous " + word;
        long author = api.create("/authors", Map.of("name", authorName, "birthYear", 1900));
        List<String> titles = new ArrayList<>();
        long book = 0;
        for (int year = 1950; year <= 1952; year++) {
            String title = "Stateless " + word + " " + year;
            titles.add(title);
            book = api.create("/books", Map.of("isbn", TestData.isbn(), "title", title, "publicationYear", year,
                    "copies", 1, "authorId", author));
        }

        List<PublicPage> pages = List.of(
                new PublicPage("", 200, "Welcome to the library"),
                new PublicPage("index.xhtml", 200, "Welcome to the library"),
                new PublicPage("catalogue.xhtml", 200, "1–20 of "),
                new PublicPage("catalogue.xhtml?q=austen", 200, "Pride and Prejudice"),
                new PublicPage("catalogue.xhtml?q=" + word + "&sort=-year&page=2&size=2", 200, "3–3 of 3"),
                new PublicPage("catalogue.xhtml?q=" + word + "&available=true&sort=year&size=2", 200, "1–2 of 3"),
                new PublicPage("catalogue.xhtml?page=abc&size=500&sort=nonsense", 200, "showing the first"),
                new PublicPage("book.xhtml?id=" + book, 200, titles.get(2)),
                new PublicPage("authors.xhtml", 200, "1–20 of "),
                new PublicPage("authors.xhtml?q=" + word + "&sort=-birthYear&page=1&size=10", 200, authorName),
                new PublicPage("author.xhtml?id=" + author, 200, titles.get(0)),
                new PublicPage("login.xhtml", 200, "Log in"),
                new PublicPage("login.xhtml?next=/desk.xhtml", 200, "value=\"/desk.xhtml\""),
                new PublicPage("errors/not-found.xhtml", 404, "Not found"),
                new PublicPage("book.xhtml?id=987654321", 404, "No book with id 987654321 exists."),
                new PublicPage("author.xhtml?id=abc", 404, "Not found"),
                new PublicPage("no-such-page.xhtml", 404, "Not found"));

        Map<String, Integer> cookiesSet = new LinkedHashMap<>();
        for (PublicPage page : pages) {
            int setCookies = 0;
            for (int i = 0; i < REQUESTS; i++) {
                Response answer = given().redirects().follow(false).get(base + page.path());
                assertThat(answer.statusCode()).as(page.path()).isEqualTo(page.status());
                if (i == 0) {
                    assertThat(answer.asString()).as(page.path()).contains(page.shows())
                            .doesNotContain("Something went wrong").doesNotContain("at org.");
                }
                setCookies += answer.headers().getValues("Set-Cookie").size();
            }
            cookiesSet.put(page.path(), setCookies);
        }
        assertThat(cookiesSet).as("Set-Cookie headers in %d cookieless GETs of each page", REQUESTS).allSatisfy(
                (page, count) -> assertThat(count).as(page).isZero());

        // the list's order and page really are the URL's: years descending, the third book alone on page 2
        String secondPage = given().get(base + "catalogue.xhtml?q=" + word + "&sort=-year&page=2&size=2").asString();
        assertThat(secondPage).contains(titles.get(0)).doesNotContain(titles.get(1)).doesNotContain(titles.get(2))
                .contains("aria-sort=\"descending\"");
        // the login form is stateless: nothing of it is kept on the server
        assertThat(FacesForms.viewState(given().get(base + "login.xhtml").asString())).isEqualTo("stateless");
    }

    @Test
    void aFailedLoginCreatesNoSessionAndAStaffPageLeadsToTheFormAndBack() {
        Response asked = given().redirects().follow(false).get(base + "desk.xhtml");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.header("Location")).contains("login.xhtml?next=%2Fdesk.xhtml");
        assertThat(asked.headers().getValues("Set-Cookie")).isEmpty();

        Response refused = FacesForms.logIn(base, Map.of(), TestData.ADMIN, "not the password", "/desk.xhtml", Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("Wrong user name or password");
        assertThat(refused.headers().getValues("Set-Cookie")).isEmpty();

        Response empty = FacesForms.logIn(base, Map.of(), "", "", "/desk.xhtml", Map.of());
        assertThat(empty.asString()).contains("Enter your user name.").contains("Enter your password.");
        assertThat(empty.headers().getValues("Set-Cookie")).isEmpty();

        Response loggedIn = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD, "/desk.xhtml", Map.of());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.header("Location")).endsWith("/library/desk.xhtml");
        assertThat(loggedIn.getCookie("JSESSIONID")).isNotBlank();
        given().cookies(loggedIn.getCookies()).redirects().follow(false).get(base + "desk.xhtml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("desk:borrow"));
    }

    @Test
    void loggingInCreatesASessionWithANewIdAndStaffStillDeleteWhatTheySaw() {
        Response first = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD, "/index.xhtml", Map.of());
        assertThat(first.statusCode()).isEqualTo(302);
        Map<String, String> session = new HashMap<>(first.getCookies());
        String firstId = session.get("JSESSIONID");
        assertThat(firstId).isNotBlank();
        // the pages of a logged-in person keep their state in that session, as before
        assertThat(FacesForms.viewState(given().cookies(session).get(base + "catalogue.xhtml").asString())).isNotEqualTo("stateless");

        // logging in again within a session changes its id: an id known before the login is worth nothing after it
        Response again = FacesForms.logIn(base, session, TestData.ADMIN, TestData.ADMIN_PASSWORD, "/index.xhtml", Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        String secondId = again.getCookie("JSESSIONID");
        assertThat(secondId).isNotBlank().isNotEqualTo(firstId);
        session.putAll(again.getCookies());
        given().cookie("JSESSIONID", firstId).redirects().follow(false).get(base + "desk.xhtml").then().statusCode(302);
        given().cookies(session).redirects().follow(false).get(base + "desk.xhtml").then().statusCode(200);

        ApiClient api = new ApiClient(base);
        long author = api.author("Deleting " + word());
        long book = api.book(author, TestData.isbn(), 1);
        long shown = version(api, book);
        String page = given().cookies(session).get(base + "book.xhtml?id=" + book).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"actions:delete\"");

        // changed by someone else after the page was shown: the delete of what was shown is refused
        api.request().header("If-Match", "\"" + shown + "\"")
                .body(Map.of("isbn", api.request().get("/books/{id}", book).path("isbn"), "title", "Changed Meanwhile",
                        "copies", 1, "authorId", author))
                .put("/books/{id}", book).then().statusCode(200);
        Response stale = deleteBook(session, page, book, shown);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.asString()).contains("was changed by someone else").doesNotContain("<redirect");
        api.request().get("/books/{id}", book).then().statusCode(200).body("title", is("Changed Meanwhile"));

        // with the version now shown, the delete goes through and the next page says so
        String reloaded = given().cookies(session).get(base + "book.xhtml?id=" + book).asString();
        Response deleted = deleteBook(session, reloaded, book, version(api, book));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.asString()).contains("<redirect url=\"/library/catalogue.xhtml\"");
        session.putAll(deleted.getCookies());
        assertThat(given().cookies(session).get(base + "catalogue.xhtml").asString())
                .contains("“Changed Meanwhile” was removed from the catalogue.");
        api.request().get("/books/{id}", book).then().statusCode(404);
    }

    @Test
    void aLoginFormPostedFromAnotherSiteLogsNobodyIn() {
        Response forged = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD, "/desk.xhtml",
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://elsewhere.example"));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.header("Location")).endsWith("/errors/refused.html");
        assertThat(forged.headers().getValues("Set-Cookie")).isEmpty();

        // the same post from the page itself, as a browser marks it, logs in (the check above can fail)
        Response own = FacesForms.logIn(base, Map.of(), TestData.ADMIN, TestData.ADMIN_PASSWORD, "/desk.xhtml",
                Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.header("Location")).endsWith("/library/desk.xhtml");
        assertThat(own.getCookie("JSESSIONID")).isNotBlank();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The book page's Delete, confirmed, as PrimeFaces posts it: an ajax request with the id and version shown. */
    private Response deleteBook(Map<String, String> session, String page, long book, long version) {
        return given().cookies(session).redirects().follow(false)
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .contentType("application/x-www-form-urlencoded")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", "actions:delete")
                .formParam("jakarta.faces.partial.execute", "actions:delete")
                .formParam("actions:delete", "actions:delete")
                .formParam("actions", "actions")
                .formParam("id", book)
                .formParam("version", version)
                .formParam("jakarta.faces.ViewState", FacesForms.viewState(page))
                .formParam("primefaces.nonce", FacesForms.nonce(page))
                .post(base + "book.xhtml");
    }

    private static long version(ApiClient api, long book) {
        return ((Number) api.request().get("/books/{id}", book).then().statusCode(200).extract().path("version")).longValue();
    }

    /** A word no other book or author has, so that a search finds only this test's records. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }
}
