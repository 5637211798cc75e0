package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Sync by natural key over real HTTP: a sync job writes a member by card number and a book by ISBN
 * without knowing their ids — created (201, Location of the canonical URL) or replaced (200), read
 * back at the same URL, the ISBN in any of its forms naming one book; the key checked like any
 * other input; If-Match and If-None-Match honoured when given; simultaneous creates of one key make
 * one record.
 */
class SyncByNaturalKeyIT extends LibraryDeploymentTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    private Map<String, Object> member(String name, String email) {
        return Map.of("name", name, "email", email, "joinedOn", "2024-03-31", "active", true);
    }

    @Test
    void aMemberIsCreatedWith201AndItsCanonicalLocationThenReplacedWith200() {
        String number = freshNumber();
        String email = TestData.email("Sync Member");

        Response created = api.request().body(member("Sync Member", email)).put("/members/by-number/{n}", number);

        created.then().statusCode(201).header("ETag", is("\"1\"")).body("memberNumber", is(number));
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/members/" + id);
        api.request().get(created.header("Location")).then().statusCode(200).body("memberNumber", is(number));

        // the number in lower case names the same card; the body may repeat it
        Map<String, Object> renamed = new java.util.HashMap<>(member("Sync Renamed", email));
        renamed.put("memberNumber", number.toLowerCase());
        api.request().body(renamed).put("/members/by-number/{n}", number.toLowerCase()).then()
                .statusCode(200).header("ETag", is("\"2\"")).header("Location", org.hamcrest.Matchers.nullValue())
                .body("id", is((int) id)).body("name", is("Sync Renamed"));

        api.request().get("/members/by-number/{n}", number).then().statusCode(200)
                .header("ETag", is("\"2\"")).header("Content-Location", endsWith("/api/members/" + id))
                .body("name", is("Sync Renamed"));
        api.request().get("/members?q={n}", number).then().body("total", is(1));
    }

    @Test
    void anIsbn10AndTheHyphenatedIsbn13NameTheSameBook() {
        long author = api.author("Sync Author " + TestData.isbn());
        String isbn10 = TestData.isbn10();

        Response created = api.request().body(Map.of("title", "Synced", "copies", 1, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn10);

        created.then().statusCode(201).header("ETag", is("\"1\""));
        long id = created.jsonPath().getLong("id");
        String isbn13 = created.jsonPath().getString("isbn");
        assertThat(created.header("Location")).endsWith("/api/books/" + id);
        assertThat(isbn13).startsWith("978").hasSize(13);

        String hyphenated = isbn13.substring(0, 3) + "-" + isbn13.substring(3, 4) + "-" + isbn13.substring(4, 12) + "-" + isbn13.charAt(12);
        api.request().get("/books/by-isbn/{isbn}", hyphenated).then().statusCode(200)
                .body("id", is((int) id)).header("Content-Location", endsWith("/api/books/" + id));
        api.anonymous().get("/books/by-isbn/{isbn}", isbn13).then().statusCode(200).body("id", is((int) id)); // a catalogue read

        api.request().body(Map.of("isbn", isbn10, "title", "Synced Again", "copies", 3, "authorId", author))
                .put("/books/by-isbn/{isbn}", hyphenated).then().statusCode(200)
                .body("id", is((int) id)).body("copies", is(3)).header("ETag", is("\"2\""));
        api.request().get("/books?q={isbn}", isbn13).then().body("total", is(1)).body("items[0].title", is("Synced Again"));
    }

    @Test
    void aKeyThatIsNoKeyIsA400ProblemAndAnAbsentOneA404() {
        api.request().body(Map.of("title", "Bad", "copies", 1, "authorId", 1)).put("/books/by-isbn/{isbn}", "978-0-00-000000-1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("isbn")).body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("must be a valid ISBN")));
        api.request().get("/members/by-number/{n}", "X12").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("memberNumber"));
        api.request().get("/members/by-number/{n}", freshNumber()).then().statusCode(404)
                .contentType("application/problem+json");
        api.anonymous().get("/books/by-isbn/{isbn}", TestData.isbn()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchIs412AndIfMatchOnAnAbsentRecordToo() {
        String number = freshNumber();
        String email = TestData.email("Matched");
        api.request().header("If-Match", "\"1\"").body(member("Matched", email)).put("/members/by-number/{n}", number)
                .then().statusCode(412).contentType("application/problem+json").body("type", endsWith("/precondition-failed"));
        api.request().body(member("Matched", email)).put("/members/by-number/{n}", number).then().statusCode(201);

        api.request().header("If-Match", "\"7\"").body(member("Stale Write", email)).put("/members/by-number/{n}", number)
                .then().statusCode(412).body("type", endsWith("/stale-version"));
        api.request().header("If-Match", "\"1\"").body(member("Current Write", email)).put("/members/by-number/{n}", number)
                .then().statusCode(200).header("ETag", is("\"2\""));
        api.request().get("/members/by-number/{n}", number).then().body("name", is("Current Write"));
    }

    @Test
    void ifNoneMatchStarCreatesOnlyAndIs412WhenTheRecordExists() {
        long author = api.author("Create Only " + TestData.isbn());
        String isbn = TestData.isbn();
        Map<String, Object> book = Map.of("title", "Create Only", "copies", 1, "authorId", author);

        api.request().header("If-None-Match", "*").body(book).put("/books/by-isbn/{isbn}", isbn).then().statusCode(201);
        api.request().header("If-None-Match", "*").body(Map.of("title", "Overwritten", "copies", 1, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn).then().statusCode(412).contentType("application/problem+json");

        api.request().get("/books/by-isbn/{isbn}", isbn).then().body("title", is("Create Only")).header("ETag", is("\"1\""));
    }

    @Test
    void aBodyNamingAnotherKeyThanTheUrlIsA400AndNothingIsWritten() {
        String number = freshNumber();
        Map<String, Object> other = new java.util.HashMap<>(member("Mismatch", TestData.email("Mismatch")));
        other.put("memberNumber", freshNumber());
        api.request().body(other).put("/members/by-number/{n}", number).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("memberNumber"));
        api.request().get("/members/by-number/{n}", number).then().statusCode(404);

        long author = api.author("Mismatch Author " + TestData.isbn());
        String isbn = TestData.isbn();
        api.request().body(Map.of("isbn", TestData.isbn(), "title", "Mismatch", "copies", 1, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn).then().statusCode(400).body("errors.field", hasItem("isbn"));
        api.request().get("/books/by-isbn/{isbn}", isbn).then().statusCode(404);
    }

    @Test
    void simultaneousCreatesOfOneNewKeyMakeOneRecord() throws Exception {
        int writers = 6;
        for (String kind : List.of("member", "book")) {
            String key;
            String path;
            String list;
            String body;
            if (kind.equals("member")) {
                key = freshNumber();
                path = "/members/by-number/" + key;
                list = "/members?q=" + key;
                body = "{\"name\":\"Raced\",\"email\":\"" + TestData.email("Raced") + "\",\"joinedOn\":\"2024-01-02\",\"active\":true}";
            } else {
                key = TestData.isbn();
                path = "/books/by-isbn/" + key;
                list = "/books?q=" + key;
                body = "{\"title\":\"Raced\",\"copies\":2,\"authorId\":" + api.author("Raced " + TestData.isbn()) + "}";
            }
            List<Integer> statuses = putAtOnce(path, body, writers);

            assertThat(statuses).as(kind).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).as(kind).filteredOn(s -> s == 200).hasSize(writers - 1);
            api.request().get(list).then().statusCode(200).body("total", is(1));
            // created once; each other writer replaced it with what it held already: nothing written
            api.request().get(path).then().statusCode(200).header("ETag", is("\"1\""));
        }
    }

    /**
     * A card number no member has: TestData's next one, or the one after where a class that ran
     * just before made that card already (CsvImportIT makes 10,001 members from its own sequence).
     */
    private String freshNumber() {
        String number = TestData.memberNumber();
        while (api.request().get("/members/by-number/{n}", number).statusCode() != 404) {
            number = TestData.memberNumber();
        }
        return number;
    }

    /** PUTs the same body to the same URL from {@code n} threads released at one moment. */
    private List<Integer> putAtOnce(String path, String body, int n) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + "/api" + path);
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                statuses.add(answer.statusCode());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
