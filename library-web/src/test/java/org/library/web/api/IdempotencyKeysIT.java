package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Safe retries over real HTTP: a POST sent again with its {@code Idempotency-Key} gets the first
 * answer (status, Location, body) and takes effect once, whether the retry comes after the answer
 * or while the first is still running; the same key with another request is a 422; keys belong to
 * their caller; without the header nothing changes.
 */
class IdempotencyKeysIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String KEY = "Idempotency-Key";
    private static final String MEMBER_PASSWORD = "a long member passphrase";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private RequestSpecification keyed(String key) {
        return api.request().header(KEY, key);
    }

    private Map<String, Object> book(long author, String isbn) {
        return Map.of("isbn", isbn, "title", "Retried " + isbn, "copies", 2, "authorId", author);
    }

    private int booksWithIsbn(String isbn) {
        return api.request().queryParam("q", isbn).queryParam("total", true).get("/books").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void aReplayedCreateGivesTheFirstAnswerAndMakesOneRecord() {
        long author = api.author("Idempotent Author");
        String isbn = TestData.isbn();
        String key = newKey();

        Response first = keyed(key).body(book(author, isbn)).post("/books");
        Response again = keyed(key).body(book(author, isbn)).post("/books");

        first.then().statusCode(201).header(IdempotentPosts.REPLAYED, nullValue());
        again.then().statusCode(201).header(IdempotentPosts.REPLAYED, is("true"))
                .header("Location", is(first.header("Location"))).header("ETag", is(first.header("ETag")))
                .contentType(first.contentType());
        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(booksWithIsbn(isbn)).isEqualTo(1);
    }

    @Test
    void aRetriedBorrowLendsOnceAndARefusalIsReplayedAsTheFirstAnswer() {
        long author = api.author("Borrow Retry Author");
        long book = api.book(author, TestData.isbn(), 2);
        long member = api.member(TestData.memberNumber(), "Retrying Reader");
        String key = newKey();

        Response first = keyed(key).body(Map.of("bookId", book)).post("/members/{id}/borrows", member);
        Response again = keyed(key).body(Map.of("bookId", book)).post("/members/{id}/borrows", member);

        first.then().statusCode(201);
        again.then().statusCode(201).header(IdempotentPosts.REPLAYED, is("true"))
                .header("Location", is(first.header("Location")));
        assertThat(again.asString()).isEqualTo(first.asString());
        api.request().get("/members/{id}/loans", member).then().body("size()", is(1));
        api.request().get("/books/{id}", book).then().body("copiesAvailable", is(1));

        // a refusal is an answer too: replayed, not run again (it would be refused alike, but by running)
        String refusedKey = newKey();
        Response refused = keyed(refusedKey).body(Map.of("bookId", book)).post("/members/{id}/borrows", member);
        refused.then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/already-holds-book"));
        keyed(refusedKey).body(Map.of("bookId", book)).post("/members/{id}/borrows", member).then().statusCode(409)
                .header(IdempotentPosts.REPLAYED, is("true")).body("detail", is((String) refused.path("detail")));
    }

    @Test
    void theSameKeyWithAnotherBodyOrEndpointIs422AndRunsNothing() {
        long author = api.author("Reused Key Author");
        String isbn = TestData.isbn();
        String other = TestData.isbn();
        String key = newKey();
        keyed(key).body(book(author, isbn)).post("/books").then().statusCode(201);

        keyed(key).body(book(author, other)).post("/books").then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/idempotency-key-reused")).body("status", is(422));
        keyed(key).body(Map.of("name", "Someone Else")).post("/authors").then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/idempotency-key-reused"));

        assertThat(booksWithIsbn(other)).isZero();
        api.request().queryParam("q", "Someone Else").queryParam("total", true).get("/authors").then().body("total", is(0));
    }

    @Test
    void aKeyBelongsToItsCallerSoAnotherCallersSameKeyRunsItsOwnRequest() {
        long author = api.author("Two Callers Author");
        long book = api.book(author, TestData.isbn(), 1);
        long borrower = api.member(TestData.memberNumber(), "Has The Copy");
        api.post("/members/" + borrower + "/borrows", Map.of("bookId", book)).statusCode(201);
        String number = TestData.memberNumber();
        long member = api.member(number, "Holds With A Key");
        api.post("/members/" + member + "/account", Map.of("username", number, "password", MEMBER_PASSWORD)).statusCode(201);
        String key = newKey();

        Response staffs = keyed(key).body(Map.of("name", "Staff Used This Key")).post("/authors");
        staffs.then().statusCode(201);
        Response members = api.as(number, MEMBER_PASSWORD).header(KEY, key).body(Map.of("bookId", book))
                .post("/members/{id}/holds", member);

        members.then().statusCode(201).header(IdempotentPosts.REPLAYED, nullValue()).body("status", is("WAITING"));
        keyed(key).body(Map.of("name", "Staff Used This Key")).post("/authors").then().statusCode(201)
                .header(IdempotentPosts.REPLAYED, is("true")).header("Location", is(staffs.header("Location")));
    }

    @Test
    void simultaneousPostsWithOneKeyTakeEffectOnceAndAllGetTheOneAnswer() throws Exception {
        long author = api.author("Simultaneous Author");
        String isbn = TestData.isbn();
        String key = newKey();
        int clients = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> {
                    RequestSpecification request = keyed(key).body(book(author, isbn));
                    start.await();
                    return request.post("/books");
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).extracting(Response::statusCode).containsOnly(201);
            assertThat(answers).extracting(r -> r.header("Location")).containsOnly(answers.get(0).header("Location"));
            assertThat(answers).extracting(Response::asString).containsOnly(answers.get(0).asString());
            assertThat(answers).filteredOn(r -> r.header(IdempotentPosts.REPLAYED) == null).hasSize(1);
            assertThat(booksWithIsbn(isbn)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutTheHeaderEveryPostRunsAsBefore() {
        String name = "Unkeyed Author " + TestData.isbn();
        Response first = api.request().body(Map.of("name", name)).post("/authors");
        Response second = api.request().body(Map.of("name", name)).post("/authors");
        first.then().statusCode(201);
        second.then().statusCode(201).header(IdempotentPosts.REPLAYED, nullValue());
        assertThat(second.header("Location")).isNotEqualTo(first.header("Location"));
        api.request().queryParam("q", name).queryParam("total", true).get("/authors").then().body("total", is(2));

        long author = ((Number) first.path("id")).longValue();
        String isbn = TestData.isbn();
        api.request().body(book(author, isbn)).post("/books").then().statusCode(201);
        api.request().body(book(author, isbn)).post("/books").then().statusCode(409).body("type", endsWith("/duplicate-isbn"));
    }

    @Test
    void aKeyThatIsNoKeyIs400AndRunsNothing() {
        String name = "Never Created " + TestData.isbn();
        for (String bad : List.of("x".repeat(256), "\"\"", "tab\there", "\"unclosed\\\"")) {
            api.request().header(KEY, bad).body(Map.of("name", name)).post("/authors").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem(KEY));
        }
        api.request().header(KEY, newKey()).header(KEY, newKey()).body(Map.of("name", name)).post("/authors").then()
                .statusCode(400).body("errors.field", hasItem(KEY));
        api.request().queryParam("q", name).queryParam("total", true).get("/authors").then().body("total", is(0));

        // the same key, bare or as a structured-field string, is one key
        String key = newKey();
        Response bare = api.request().header(KEY, key).body(Map.of("name", name)).post("/authors");
        bare.then().statusCode(201);
        api.request().header(KEY, "\"" + key + "\"").body(Map.of("name", name)).post("/authors").then().statusCode(201)
                .header(IdempotentPosts.REPLAYED, is("true")).header("Location", is(bare.header("Location")));
    }

    @Test
    void aReplayedImportRunsOnceAndGivesTheFirstReport() {
        String isbn = TestData.isbn();
        String csv = CsvImportIT.BOOKS_HEADER + isbn + ",Imported Once,1901,2,Idempotent Importer " + isbn + ",1850\n";
        String key = newKey();

        Response first = CsvImportIT.asLibrarian(api).header(KEY, key).body(csv).post("/imports/books");
        Response again = CsvImportIT.asLibrarian(api).header(KEY, key).body(csv).post("/imports/books");

        first.then().statusCode(202);
        again.then().statusCode(202).header(IdempotentPosts.REPLAYED, is("true"))
                .header("Location", is(first.header("Location")));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(api.importEnded(first.header("Location")).getInt("created")).isEqualTo(1);
        // the newest import is still the first: the replay started none
        api.request().get("/imports").then().statusCode(200).body("[0].id", is((String) first.path("id")));
        assertThat(booksWithIsbn(isbn)).isEqualTo(1);

        CsvImportIT.asLibrarian(api).header(KEY, key).body(csv.replace("Imported Once", "Imported Twice"))
                .post("/imports/books").then().statusCode(422).contentType(PROBLEM);
    }

    /**
     * The first request is held mid-body (an upload that stalls), so that the retries certainly
     * arrive while it runs: one waits the longest a retry waits and is told the first is in
     * progress; one sent before the first is let go gets its answer; the import ran once.
     */
    @Test
    void aRetryWhileTheFirstRunsWaitsForItsAnswerOrIsToldItIsInProgress() throws Exception {
        String isbn = TestData.isbn();
        byte[] head = (CsvImportIT.BOOKS_HEADER + TestData.isbn() + ",Sent First,1901,1,Slow Importer,1850\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = (isbn + ",Sent After A Pause,1902,1,Slow Importer,1850\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] whole = new byte[head.length + tail.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(tail, 0, whole, head.length, tail.length);
        String key = newKey();
        CountDownLatch letGo = new CountDownLatch(1);
        java.io.InputStream stalling = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
            private java.io.InputStream rest;

            @Override
            public int read() throws java.io.IOException {
                return rest().read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                return rest().read(buffer, offset, length);
            }

            private java.io.InputStream rest() throws java.io.IOException {
                if (rest == null) {
                    try {
                        letGo.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    rest = new java.io.ByteArrayInputStream(tail);
                }
                return rest;
            }
        });
        // java.net.http sends nothing, not even the headers, while its body stream blocks: a plain socket does
        RawHttp http = new RawHttp(base.getHost(), base.getPort());
        String target = base.getPath().replaceAll("/$", "") + "/api/imports/books";
        List<String[]> headers = List.of(new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))},
                new String[] {"Content-Type", "text/csv; charset=UTF-8"}, new String[] {"Accept", "application/json"},
                new String[] {KEY, key}, new String[] {"Content-Length", String.valueOf(whole.length)});
        java.util.concurrent.CompletableFuture<RawHttp.Answer> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return http.sendStreamed("POST", target, headers, stalling);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // the first request claims its key when its headers arrive, before its body is read (it is stalled on
            // it); an import is only started once the whole file is in, so no import exists yet to watch
            Thread.sleep(2000);
            String newestBefore = api.request().get("/imports").then().statusCode(200).extract().path("[0].id");

            CsvImportIT.asLibrarian(api).header(KEY, key).body(whole).post("/imports/books").then().statusCode(409)
                    .contentType(PROBLEM).body("type", endsWith("/idempotency-key-in-progress"));

            Future<Response> waiting = pool.submit(() -> CsvImportIT.asLibrarian(api).header(KEY, key).body(whole)
                    .post("/imports/books"));
            Thread.sleep(500); // the retry on its way before the first is let go; if it came later, it is a replay all the same
            letGo.countDown();

            RawHttp.Answer answered = first.get(60, TimeUnit.SECONDS);
            Response retry = waiting.get(60, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(202);
            retry.then().statusCode(202).header(IdempotentPosts.REPLAYED, is("true"));
            assertThat(retry.asString()).isEqualTo(answered.text());
            String firstImport = retry.path("id");
            assertThat(firstImport).isNotEqualTo(newestBefore);
            assertThat(api.importEnded(retry.header("Location")).getInt("created")).isEqualTo(2);
            api.request().get("/imports").then().body("[0].id", is(firstImport));
            assertThat(booksWithIsbn(isbn)).isEqualTo(1);
        } finally {
            letGo.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theOpenApiDocumentOffersTheHeaderOnEveryPost() {
        String openapi = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/openapi";
        io.restassured.path.json.JsonPath document = io.restassured.RestAssured.given().accept("application/json").get(openapi)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> posts = paths.entrySet().stream().filter(p -> p.getValue().containsKey("post")).map(Map.Entry::getKey)
                .toList();
        assertThat(posts).contains("/api/books", "/api/members/{id}/borrows", "/api/imports/books");
        for (String path : posts) {
            assertThat(document.getList("paths.'" + path + "'.post.parameters.name", String.class)).as(path).contains(KEY);
            assertThat(document.getMap("paths.'" + path + "'.post.responses")).as(path).containsKey("422");
        }
    }
}
