package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.platform.access.Roles;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * The change feed and a record's history over real HTTP: the feed's cursors (each entry's, and
 * {@code next}) continue exactly after what was read; the type filter; 400 problems naming the
 * parameter for a cursor, limit or type the feed cannot take; a member's fields withheld from a
 * token without {@code members:write}; 401 and 403 for callers without a staff role or scope. A
 * book's history newest first with the fields each change set, paged with Link headers, 404 for a
 * book that never was, 403 for a token without the catalogue's scopes. The database is shared with
 * the build's other tests, which write too: every check looks only at the records this test made,
 * and reads the feed from where it stood just before (the 410 of a pruned cursor is ChangeLogIT's).
 */
class ChangesApiIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void theFeedContinuesFromNextOrFromAnEntrysCursorWithOnlyLaterEntries() {
        String head = head();
        long author = api.author("Feed Author " + TestData.isbn().substring(7));
        String isbn = TestData.isbn();
        long book = api.book(author, isbn, 1);

        JsonPath first = feed(head, null);
        List<Map<String, Object>> mine = ofRecords(first, Map.of("author", author, "book", book));
        assertThat(mine).extracting(e -> e.get("event")).containsExactly("author.created", "book.created");
        assertThat(mine.get(1).get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("isbn", isbn).containsEntry("copies", 1).containsEntry("authorId", (int) author);
        assertThat(mine.get(0).get("actor")).isEqualTo(TestData.ADMIN);
        assertThat(first.getString("next")).isNotBlank();

        // from the author's own cursor: the book, not the author again
        List<Map<String, Object>> afterAuthor = ofRecords(feed((String) mine.get(0).get("cursor"), null),
                Map.of("author", author, "book", book));
        assertThat(afterAuthor).extracting(e -> e.get("event")).containsExactly("book.created");

        // from next: nothing of what was read, then only the change made since
        assertThat(ofRecords(feed(first.getString("next"), null), Map.of("author", author, "book", book))).isEmpty();
        api.request().body(Map.of("title", "Feed Title Changed", "copies", 2, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn).then().statusCode(200);
        List<Map<String, Object>> later = ofRecords(feed(first.getString("next"), null), Map.of("author", author, "book", book));
        assertThat(later).extracting(e -> e.get("event")).containsExactly("book.updated");
        assertThat(later.get(0).get("version")).isEqualTo(2);
    }

    @Test
    void typesFiltersTheFeedToThoseRecordTypes() {
        String head = head();
        long author = api.author("Filtered Author " + TestData.isbn().substring(7));
        long book = api.book(author, TestData.isbn(), 1);

        JsonPath books = feed(head, "book");
        assertThat(books.getList("items.type", String.class)).containsOnly("book");
        assertThat(ofRecords(books, Map.of("author", author, "book", book))).extracting(e -> e.get("event"))
                .containsExactly("book.created");
        JsonPath both = feed(head, "author, book");
        assertThat(ofRecords(both, Map.of("author", author, "book", book))).extracting(e -> e.get("event"))
                .containsExactly("author.created", "book.created");
    }

    @Test
    void aCursorLimitOrTypeTheFeedCannotTakeIsA400ProblemNamingIt() {
        refused(Map.of("after", "garbage"), "after");
        refused(Map.of("after", "Y2hhbmdlczotMQ"), "after"); // "changes:-1", a forged cursor
        refused(Map.of("limit", "0"), "limit");
        refused(Map.of("limit", "501"), "limit");
        refused(Map.of("limit", "many"), "limit");
        refused(Map.of("types", "nonsense"), "types");
        refused(Map.of("types", "book,nonsense"), "types");
    }

    @Test
    void aMembersFieldsAreWithheldFromATokenWithoutMembersWrite() {
        String head = head();
        String number = TestData.memberNumber();
        String name = "Withheld Reader";
        long member = api.member(number, name);
        String catalogue = token("feed catalogue reader", Roles.CATALOGUE_READ);
        String members = token("feed member sync", Roles.MEMBERS_WRITE);

        Map<String, Object> seenByCatalogue = onlyEntry(api.bearer(catalogue), head, "member", member);
        assertThat(seenByCatalogue).containsEntry("event", "member.created").containsEntry("withheld", true)
                .doesNotContainKey("data");

        Map<String, Object> seenByMembers = onlyEntry(api.bearer(members), head, "member", member);
        assertThat(seenByMembers).containsEntry("event", "member.created").containsEntry("withheld", false);
        assertThat(seenByMembers.get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", name).containsEntry("memberNumber", number);

        // the history of a member: the same scope
        api.bearer(catalogue).get("/members/{id}/history", member).then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString(Roles.MEMBERS_WRITE));
        api.bearer(members).get("/members/{id}/history", member).then().statusCode(200)
                .body("items[0].event", is("member.created"));
    }

    @Test
    void theFeedIsForStaffAndScopedTokensOnly() {
        api.anonymous().get("/changes").then().statusCode(401).contentType(PROBLEM);
        String number = TestData.memberNumber();
        long member = api.member(number, "Curious Reader");
        String username = number.toLowerCase(Locale.ROOT);
        String password = "Reading-Room-4711";
        api.post("/members/" + member + "/account", Map.of("username", username, "password", password)).statusCode(201);

        api.as(username, password).get("/changes").then().statusCode(403).contentType(PROBLEM);
        api.as(username, password).get("/members/{id}/history", member).then().statusCode(403).contentType(PROBLEM);
        api.anonymous().get("/books/{id}/history", 1).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aBooksHistoryIsNewestFirstWithEachChangedFieldAndPagedWithLinks() {
        long author = api.author("History Author " + TestData.isbn().substring(7));
        String isbn = TestData.isbn();
        long book = api.book(author, isbn, 1);
        String catalogue = token("history writer", Roles.CATALOGUE_WRITE);
        api.bearer(catalogue).body(Map.of("title", "Book " + isbn, "copies", 3, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn).then().statusCode(200);
        api.request().body(Map.of("title", "Renamed " + isbn, "copies", 3, "authorId", author))
                .put("/books/by-isbn/{isbn}", isbn).then().statusCode(200);

        JsonPath all = api.request().get("/books/{id}/history", book).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.event", String.class)).containsExactly("book.updated", "book.updated", "book.created");
        assertThat(all.getList("items.version", Integer.class)).containsExactly(3, 2, 1);
        assertThat(all.getString("items[0].actor")).isEqualTo(TestData.ADMIN);
        assertThat(all.getList("items[0].changes")).containsExactly(
                Map.of("field", "title", "before", "Book " + isbn, "after", "Renamed " + isbn));
        assertThat(all.getString("items[1].actor")).startsWith("token:");
        assertThat(all.getList("items[1].changes")).containsExactly(Map.of("field", "copies", "before", 1, "after", 3));
        List<Map<String, Object>> created = all.getList("items[2].changes");
        assertThat(created).extracting(c -> c.get("field")).contains("isbn", "title", "copies", "authorId");
        assertThat(created).allSatisfy(c -> assertThat(c).doesNotContainKey("before"));

        // a page at a time, following the Link headers
        List<String> events = new ArrayList<>();
        Response page = api.request().queryParam("size", 1).get("/books/{id}/history", book);
        for (int pages = 1; ; pages++) {
            page.then().statusCode(200).body("items.size()", is(1));
            String links = String.join(",", page.headers().getValues("Link")); // one header per link
            assertThat(links).contains("rel=\"first\"");
            events.add(page.path("items[0].event") + " v" + page.path("items[0].version"));
            Matcher next = NEXT_LINK.matcher(links);
            if (!next.find()) {
                break;
            }
            assertThat(pages).as("pages followed").isLessThan(3);
            page = api.request().get(next.group(1));
        }
        assertThat(events).containsExactly("book.updated v3", "book.updated v2", "book.created v1");

        // the total, where asked for, counted
        api.request().queryParam("size", 1).queryParam("total", true).get("/books/{id}/history", book).then().statusCode(200)
                .header("X-Total-Count", "3").body("totalExact", is(true)).body("totalPages", is(3));
    }

    @Test
    void theHistoryOfABookThatNeverWasIs404AndATokenWithoutTheScopeGets403() {
        api.request().get("/books/{id}/history", 987_654_321L).then().statusCode(404).contentType(PROBLEM);
        long book = api.book(api.author("Guarded History " + TestData.isbn().substring(7)), TestData.isbn(), 1);
        String circulation = token("history desk", Roles.CIRCULATION);
        api.bearer(circulation).get("/books/{id}/history", book).then().statusCode(403).contentType(PROBLEM)
                .body("detail", notNullValue());
        String reader = token("history reader", Roles.CATALOGUE_READ);
        api.bearer(reader).get("/books/{id}/history", book).then().statusCode(200).body("items[0].event", is("book.created"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /**
     * Where the feed stands now: read with a rare type, so that a batch is seldom full and its
     * {@code next} moves to the head of the log past the entries it skipped.
     */
    private String head() {
        String cursor = null;
        for (int batches = 0; batches < 1000; batches++) {
            var request = api.request().queryParam("types", "token").queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath batch = request.get("/changes").then().statusCode(200).extract().jsonPath();
            cursor = batch.getString("next");
            if (!batch.getBoolean("more")) {
                return cursor;
            }
        }
        throw new AssertionError("the feed never reached its head");
    }

    /** Everything after {@code cursor} (of the given types), as the admin, in batches until the head. */
    private JsonPath feed(String cursor, String types) {
        var request = api.request().queryParam("after", cursor).queryParam("limit", 500);
        if (types != null) {
            request.queryParam("types", types);
        }
        JsonPath batch = request.get("/changes").then().statusCode(200).contentType("application/json")
                .body("next", notNullValue()).extract().jsonPath();
        assertThat(batch.getBoolean("more")).as("the test's entries fit one batch").isFalse();
        return batch;
    }

    /** The entries of a batch about these records (type name to id), in the feed's order. */
    private static List<Map<String, Object>> ofRecords(JsonPath batch, Map<String, Long> records) {
        List<Map<String, Object>> items = batch.getList("items");
        return items.stream()
                .filter(e -> records.containsKey((String) e.get("type"))
                        && records.get((String) e.get("type")) == ((Number) e.get("id")).longValue())
                .toList();
    }

    private static Map<String, Object> onlyEntry(io.restassured.specification.RequestSpecification reader, String after,
                                                 String type, long id) {
        JsonPath batch = reader.queryParam("after", after).queryParam("types", type).queryParam("limit", 500)
                .get("/changes").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = ofRecords(batch, Map.of(type, id));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private void refused(Map<String, String> parameters, String field) {
        api.request().queryParams(parameters).get("/changes").then().statusCode(400).contentType(PROBLEM)
                .body("status", is(400)).body("errors.field", hasItem(field));
    }

    /** A new token's secret, made by the admin. */
    private String token(String name, String scope) {
        return api.request().body(Map.of("name", name + " " + TestData.memberNumber(), "scopes", List.of(scope)))
                .post("/tokens").then().statusCode(201).extract().path("secret");
    }
}
