package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Over real HTTP, what the API does with input that is too big, too deep, of the wrong shape or
 * spelt with other scripts' digits: a clear 4xx problem naming what is wrong, nothing changed, and
 * the next request served as usual.
 */
class InputLimitsIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void aSearchOfTwelveHundredWordsIsA400NamingQAndTheServiceGoesOn() {
        // about 5 KB of URL, as in the report: longer ones the HTTP layer refuses before the application sees them
        String words = IntStream.range(0, 1200).mapToObj(i -> "w" + i % 100).collect(Collectors.joining("+"));
        api.anonymous().urlEncodingEnabled(false).get("/books?q=" + words).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", is(java.util.List.of("q")));
        // eleven words in one 'word' (punctuation splits words), within the length limit
        api.anonymous().queryParam("q", "a-b-c-d-e-f-g-h-i-j-k").get("/books").then().statusCode(400)
                .body("errors[0].message", containsString("at most 10 words"));
        api.anonymous().queryParam("q", "austen").get("/books").then().statusCode(200)
                .body("items.author.name", hasItem("Jane Austen"));
        api.request().queryParam("q", "x".repeat(201)).get("/members").then().statusCode(400)
                .body("errors.field", is(java.util.List.of("q")));
        api.anonymous().queryParam("q", "x".repeat(201)).get("/authors").then().statusCode(400)
                .body("errors.field", is(java.util.List.of("q")));
    }

    @Test
    void controlCharactersInTextAreA400NamingTheFieldOnEveryDatabase() {
        // PostgreSQL refuses a NUL in any text value: this was a 500 there, and stored on Derby
        api.anonymous().urlEncodingEnabled(false).get("/authors?q=a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", is(java.util.List.of("q")));
        api.request().urlEncodingEnabled(false).get("/members?q=a%1Bb").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", is(java.util.List.of("q")));
        api.anonymous().urlEncodingEnabled(false).get("/books?q=a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", is(java.util.List.of("q")));
        String name = "Control " + TestData.isbn();
        api.request().body(Map.of("name", name + "\u0000")).post("/authors").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", is(java.util.List.of("name")));
        long author = api.author(name);
        api.request().body(Map.of("isbn", TestData.isbn(), "title", "Bell\u0007", "copies", 1, "authorId", author))
                .post("/books").then().statusCode(400).body("errors.field", is(java.util.List.of("title")));
        // line breaks and tabs are text: a search with a tab is two words
        api.anonymous().queryParam("q", "jane\taUsten").get("/books").then().statusCode(200)
                .body("items.author.name", hasItem("Jane Austen"));
        api.anonymous().queryParam("q", name).get("/authors").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aPageStartingDeeperThanTenThousandRowsIsA400() {
        api.anonymous().queryParam("page", 100).queryParam("size", 100).get("/books").then().statusCode(200);
        api.anonymous().queryParam("page", 101).queryParam("size", 100).get("/books").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", is(java.util.List.of("page")));
        api.anonymous().queryParam("page", Integer.MAX_VALUE).get("/books").then().statusCode(400);
    }

    @Test
    void idsAndNumbersAreAsciiDigitsOnly() {
        long author = api.author("Digits Author");
        long book = api.book(author, TestData.isbn(), 1);
        String arabicIndic = toScript(book, '\u0660');
        String fullWidth = toScript(book, '\uFF10');

        api.anonymous().get("/books/" + book).then().statusCode(200);
        api.anonymous().get("/books/" + arabicIndic).then().statusCode(404).contentType(PROBLEM);
        api.anonymous().get("/books/" + fullWidth).then().statusCode(404).contentType(PROBLEM);
        api.anonymous().get("/books/+" + book).then().statusCode(404).contentType(PROBLEM);
        api.anonymous().get("/books/0" + book).then().statusCode(404).contentType(PROBLEM);
        api.anonymous().get("/books/" + book + ";x=y").then().statusCode(404).contentType(PROBLEM);
        api.anonymous().queryParam("available", "maybe").get("/books").then().statusCode(400).body("errors.field", hasItem("available"));
        api.request().queryParam("active", "yes").get("/members").then().statusCode(400).body("errors.field", hasItem("active"));
        api.request().queryParam("overdue", "1").get("/loans").then().statusCode(400).body("errors.field", hasItem("overdue"));
        api.anonymous().queryParam("page", "\u0661").get("/books").then().statusCode(400).body("errors.field", hasItem("page"));
        api.anonymous().queryParam("authorId", toScript(author, '\u0660')).get("/books").then().statusCode(400)
                .body("errors.field", hasItem("authorId"));
        api.request().header("If-Match", "\"\u0661\"").body(Map.of("name", "Renamed")).put("/authors/{id}", author)
                .then().statusCode(400).body("errors.field", hasItem("If-Match"));
        // 978-0-14-143951-8 with a full-width 3 and a check digit made to add up
        api.request().body(Map.of("isbn", forgedIsbn(), "title", "Forged", "copies", 1, "authorId", author))
                .post("/books").then().statusCode(400).body("errors.field", hasItem("isbn"));
        api.request().body("{\"bookId\": \"\u0663\"}").post("/members/1/borrows").then().statusCode(400)
                .body("errors.field", hasItem("bookId"));
    }

    @Test
    void unknownFieldsAndValuesOfTheWrongTypeAreListedByField() {
        api.request().body("{\"name\": \"Typo\", \"birthYaer\": 1900}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", is(java.util.List.of("birthYaer")));
        api.request().body("{\"isbn\": 9780141439518, \"title\": [\"T\"], \"copies\": \"3\", \"authorId\": 1e999999999,"
                        + " \"publicationYear\": 1813.5}").post("/books").then().statusCode(400)
                .body("errors.field", hasItems("isbn", "title", "copies", "authorId", "publicationYear"));
        api.request().body("[1, 2]").post("/authors").then().statusCode(400).body("errors.field", is(java.util.List.of("body")));
        api.request().body("{\"name\": \"Nulls Are No Value\", \"birthYear\": null}").post("/authors").then().statusCode(201);
    }

    @Test
    void bodiesOverTheirLimitAre413AndDeepNestingIs400BeforeAnythingIsRead() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        api.request().body(big).post("/authors").then().statusCode(413).contentType(PROBLEM)
                .body("type", endsWith("/body-too-large"));
        String deep = "[".repeat(40) + "]".repeat(40);
        api.request().body(deep).post("/authors").then().statusCode(400).body("errors.field", is(java.util.List.of("body")));

        // a CSV upload without a declared length is cut where it passes its limit (64 MiB for the tests)
        HttpResponse<String> cut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api("/imports/members")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new EndlessCsv(65L * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).isEqualTo(413);
        assertThat(cut.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));

        api.anonymous().get("/books").then().statusCode(200);
    }

    @Test
    void putAndDeleteOfARecordWithoutIfMatchAre428AndChangeNothing() {
        long author = api.author("Unversioned");
        api.request().body(Map.of("name", "Overwritten")).put("/authors/{id}", author).then().statusCode(428)
                .contentType(PROBLEM).body("detail", containsString("If-Match"));
        api.request().delete("/authors/{id}", author).then().statusCode(428).contentType(PROBLEM);
        api.request().get("/authors/{id}", author).then().statusCode(200).body("name", is("Unversioned"));

        api.request().header("If-Match", "*").body(Map.of("name", "Any Version")).put("/authors/{id}", author)
                .then().statusCode(200).body("name", is("Any Version"));
    }

    @Test
    void aPutReplacesTheWholeMemberAndAMissingFieldIsA400NeverADefault() {
        String number = TestData.memberNumber();
        long member = api.member(number, "Deactivated Reader");
        Response read = api.request().get("/members/{id}", member);
        api.request().header("If-Match", read.header("ETag"))
                .body(Map.of("memberNumber", number, "name", "Deactivated Reader", "email", read.path("email"),
                        "joinedOn", read.path("joinedOn"), "active", false))
                .put("/members/{id}", member).then().statusCode(200).body("active", is(false));

        api.current("/members/" + member)
                .body(Map.of("memberNumber", number, "name", "Deactivated Reader", "email", read.path("email")))
                .put("/members/{id}", member).then().statusCode(400)
                .body("errors.field", is(java.util.List.of("active", "joinedOn")));
        api.request().get("/members/{id}", member).then().body("active", is(false));
    }

    @Test
    void aJsonBodyIsOneValueWithNumbersThatCanBeReadOrA400() {
        String name = "One Value " + TestData.memberNumber();
        api.request().body("{\"name\": \"" + name + "\"}{\"name\": \"Second\"}").post("/authors").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", is(java.util.List.of("body")));
        api.request().body("{\"name\": \"" + name + "\"} and more").post("/authors").then().statusCode(400)
                .body("errors.field", is(java.util.List.of("body")));
        // more digits than the JSON parser reads: it says so with an exception of its own, once a 500
        api.request().body("{\"name\": \"" + name + "\", \"birthYear\": 1" + "0".repeat(10_000) + "}").post("/authors").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", is(java.util.List.of("body")));
        api.request().queryParam("q", name).get("/authors").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void headersAndPathsTheServerReadsBeforeTheApiAreRefusedWithProblemDocumentsToo() throws IOException {
        RawHttp http = new RawHttp(base.getHost(), base.getPort());
        String path = base.getPath() + "api";
        String[] admin = {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))};

        // headers the runtime parses while it chooses the method: once its bare 400, shown as the server's HTML page
        assertProblem(http.send("GET", path + "/books", List.<String[]>of(new String[] {"Accept", "application/json;q=abc"}), null),
                400).contains("\"field\":\"Accept\"");
        assertProblem(http.send("POST", path + "/authors", List.of(admin, new String[] {"Content-Type", "application/json, text/plain"}),
                "{\"name\": \"Never Created\"}".getBytes(StandardCharsets.UTF_8)), 400).contains("\"field\":\"Content-Type\"");
        // an ETag condition that is none: a 400 about that header (it once blamed the body)
        long author = api.author("Conditional Author");
        api.anonymous().header("If-None-Match", "garbage").get("/authors/{id}", author).then().statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("/unreadable-header")).body("detail", containsString("If-None-Match"));
        // a path that climbs out of the API with encoded dot-segments: once the pages' 404 and 403 pages
        assertProblem(http.send("GET", path + "/books/..%2F..%2Fstatus", List.of(), null), 404);
        assertProblem(http.send("PUT", path + "/books/..%2F..%2Fstatus", List.of(admin, new String[] {"Content-Type", "application/json"}),
                "{}".getBytes(StandardCharsets.UTF_8)), 403);
        // the pages keep theirs
        assertThat(http.send("GET", base.getPath() + "no-such-page.xhtml", List.of(), null).header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/xhtml+xml"));
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.text()).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        return assertThat(answer.text()).contains("\"status\":" + status);
    }

    private String api(String path) {
        return base.toString().replaceAll("/$", "") + "/api" + path;
    }

    private static String toScript(long number, char zero) {
        return String.valueOf(number).chars().mapToObj(c -> String.valueOf((char) (zero + (c - '0')))).collect(Collectors.joining());
    }

    private static String forgedIsbn() {
        String body = "9780" + '\uFF13' + "4143951";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (char) ('0' + (10 - Math.floorMod(sum, 10)) % 10);
    }

    /**
     * A members CSV of the given size, made as it is read: a header, then one quoted value that
     * never ends (which the import reads without keeping beyond its value limit).
     */
    private static final class EndlessCsv extends InputStream {

        private static final byte[] HEADER = "member_number,name,email\nM000001,\"".getBytes(StandardCharsets.UTF_8);
        private static final byte[] ROW = "an endless name ".getBytes(StandardCharsets.UTF_8);

        private final long size;
        private long position;

        EndlessCsv(long size) {
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (position >= size) {
                return -1;
            }
            long at = position++;
            return at < HEADER.length ? HEADER[(int) at] : ROW[(int) ((at - HEADER.length) % ROW.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }
    }
}
