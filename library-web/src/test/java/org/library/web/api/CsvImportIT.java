package org.library.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * CSV imports over real HTTP into the real database: 202 and the import's Location at once, its
 * report polled there; bad rows reported with their line while the good rows are kept, idempotence
 * on ISBN and member number, authors found or created, the copies out protected, members waiting
 * for a book served, and files that cannot be read refused.
 */
class CsvImportIT extends LibraryDeploymentTest {

    static final String BOOKS_HEADER = "isbn,title,publication_year,copies,author,author_birth_year\n";
    static final String MEMBERS_HEADER = "member_number,name,email,joined_on,active\n";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    /** An import or export request: as the librarian, with a CSV body. */
    static RequestSpecification asLibrarian(ApiClient api) {
        return api.anonymous().auth().preemptive().basic(TestData.ADMIN, TestData.ADMIN_PASSWORD)
                .contentType("text/csv; charset=UTF-8");
    }

    static JsonPath importCsv(ApiClient api, String kind, String csv) {
        return api.importCsv(kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    static JsonPath importCsv(ApiClient api, String kind, byte[] csv) {
        return api.importCsv(kind, csv);
    }

    private JsonPath ended(ApiClient api, String location) {
        return api.importEnded(location);
    }

    @Test
    void goodRowsAreKeptAndEachBadRowIsReportedWithItsLineAndReason() {
        String author = "Csv Author " + TestData.isbn();
        String good1 = TestData.isbn();
        String good2 = TestData.isbn();
        String good3 = TestData.isbn();
        String bad = TestData.isbn();
        String csv = BOOKS_HEADER
                + good1 + ",Good One,1901,2," + author + ",1850\n"                        // line 2
                + "978-0-00-000000-1,Bad Check Digit,1902,1," + author + ",1850\n"        // line 3
                + good2 + ",\"A title\non two lines\",1903,1,\"" + author + "\",1850\n"    // lines 4-5
                + bad + ",,1904,1," + author + ",1850\n"                                  // line 6
                + bad + ",Zero Copies,1905,0," + author + ",1850\n"                       // line 7
                + bad + ",Many Copies,1906,many," + author + ",1850\n"                    // line 8
                + bad + ",Short Row,1907\n"                                               // line 9
                + bad + ",No Author,1908,1,,\n"                                           // line 10
                + good3 + ",Good Three,,3," + author + ",1850\n";                         // line 11

        JsonPath report = importCsv(api, "books", csv);

        assertThat(report, "status", "DONE");
        assertThat(report, "rowsRead", 9);
        assertThat(report, "created", 3);
        assertThat(report, "rejected", 6);
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(3, 6, 7, 8, 9, 10);
        List<String> reasons = report.getList("errors.reason", String.class);
        org.assertj.core.api.Assertions.assertThat(reasons.get(0)).startsWith("isbn: must be a valid ISBN");
        org.assertj.core.api.Assertions.assertThat(reasons.get(1)).startsWith("title: must not be blank");
        org.assertj.core.api.Assertions.assertThat(reasons.get(2)).startsWith("copies: must be greater than or equal to 1");
        org.assertj.core.api.Assertions.assertThat(reasons.get(3)).isEqualTo("copies: must be a whole number, not \"many\"");
        org.assertj.core.api.Assertions.assertThat(reasons.get(4)).isEqualTo("has 3 values where the header has 6 columns");
        org.assertj.core.api.Assertions.assertThat(reasons.get(5)).startsWith("author: must not be blank");

        book(good1).body("title", is("Good One")).body("copies", is(2)).body("publicationYear", is(1901))
                .body("author.name", is(author));
        book(good2).body("title", is("A title\non two lines"));
        book(good3).body("publicationYear", nullValue()).body("copies", is(3));
        api.request().get("/books?q={isbn}", bad).then().statusCode(200).body("total", is(0));
        api.request().get("/authors?q={name}", author).then().body("total", is(1)); // one author for all three
    }

    @Test
    void reImportingUpdatesTheBooksAndNeverDuplicatesThem() {
        String author = "Reimport Author " + TestData.isbn();
        String first = TestData.isbn();
        String second = TestData.isbn();
        importCsv(api, "books", BOOKS_HEADER + first + ",Old Title,1900,1," + author + ",\n"
                + second + ",Stays,1901,1," + author + ",\n");

        // the same books again, one changed, its ISBN written with hyphens this time
        String hyphenated = first.substring(0, 3) + "-" + first.substring(3, 12) + "-" + first.charAt(12);
        JsonPath again = importCsv(api, "books", BOOKS_HEADER + hyphenated + ",New Title,1950,4," + author + ",\n"
                + second + ",Stays,1901,1," + author + ",\n");

        assertThat(again, "created", 0);
        assertThat(again, "updated", 1);
        assertThat(again, "unchanged", 1);
        api.request().get("/books?q={isbn}", first).then().body("total", is(1));
        book(first).body("title", is("New Title")).body("copies", is(4)).body("publicationYear", is(1950))
                .header("ETag", is("\"2\"")); // one change, one new version
        book(second).header("ETag", is("\"1\"")); // nothing written
    }

    @Test
    void aLaterRowForTheSameIsbnInTheSameFileUpdatesTheEarlierOne() {
        String isbn = TestData.isbn();
        JsonPath report = importCsv(api, "books", BOOKS_HEADER + isbn + ",First,1900,1,Twice Author,\n"
                + isbn + ",Second,1900,2,Twice Author,\n");

        assertThat(report, "created", 1);
        assertThat(report, "updated", 1);
        api.request().get("/books?q={isbn}", isbn).then().body("total", is(1)).body("items[0].title", is("Second"));
    }

    @Test
    void anAuthorIsFoundByNameAndBirthYearAndCreatedWhenAbsent() {
        String name = "Namesake " + TestData.isbn();
        String csv = BOOKS_HEADER
                + TestData.isbn() + ",Elder One," + ",1," + name + ",1800\n"
                + TestData.isbn() + ",Elder Two," + ",1," + name + ",1800\n"
                + TestData.isbn() + ",Younger," + ",1," + name + ",1900\n";
        assertThat(importCsv(api, "books", csv), "created", 3);
        api.request().get("/authors?q={name}&sort=birthYear", name).then().body("total", is(2))
                .body("items.birthYear", org.hamcrest.Matchers.contains(1800, 1900));

        // a new book without the birth year: two authors have the name, which one is meant?
        JsonPath ambiguous = importCsv(api, "books", BOOKS_HEADER + TestData.isbn() + ",Whose,,1," + name + ",\n");
        assertThat(ambiguous, "rejected", 1);
        assertThat(ambiguous, "errors[0].reason", "author: several authors are called " + name
                + "; give author_birth_year to say which");

        String single = "Only One " + TestData.isbn();
        importCsv(api, "books", BOOKS_HEADER + TestData.isbn() + ",A,,1," + single + ",1700\n");
        importCsv(api, "books", BOOKS_HEADER + TestData.isbn() + ",B,,1," + single + ",\n"); // the only one of that name
        api.request().get("/authors?q={name}", single).then().body("total", is(1));
    }

    @Test
    void aRowWithFewerCopiesThanAreOutIsRefusedAndTheBookKeepsItsCopies() {
        String isbn = TestData.isbn();
        importCsv(api, "books", BOOKS_HEADER + isbn + ",Popular,2000,2,Busy Author,\n");
        long book = bookId(isbn);
        for (String reader : List.of("Out Reader One", "Out Reader Two")) {
            long member = api.member(TestData.memberNumber(), reader);
            api.post("/members/" + member + "/borrows", Map.of("bookId", book)).statusCode(201);
        }

        JsonPath report = importCsv(api, "books", BOOKS_HEADER + isbn + ",Popular,2000,1,Busy Author,\n");

        assertThat(report, "rejected", 1);
        assertThat(report, "errors[0].line", 2);
        assertThat(report, "errors[0].reason", "copies: 2 copies are out on loan or set aside for holds, so copies cannot be 1");
        book(isbn).body("copies", is(2)).body("copiesAvailable", is(0));
    }

    @Test
    void copiesAddedByAnImportGoToTheMembersWaitingForTheBook() {
        String isbn = TestData.isbn();
        importCsv(api, "books", BOOKS_HEADER + isbn + ",Awaited,2000,1,Waited Author,\n");
        long book = bookId(isbn);
        long holder = api.member(TestData.memberNumber(), "First Holder");
        long waiting = api.member(TestData.memberNumber(), "Patient Reader");
        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(201);
        api.post("/members/" + waiting + "/holds", Map.of("bookId", book)).statusCode(201);
        api.request().get("/books/{id}/holds", book).then().body("member.id", hasItem((int) waiting));

        assertThat(importCsv(api, "books", BOOKS_HEADER + isbn + ",Awaited,2000,2,Waited Author,\n"), "updated", 1);

        api.request().get("/books/{id}/holds", book).then().body("size()", is(0)); // nobody waits any more
        api.request().get("/members/{id}/holds", waiting).then().body("status", hasItem("READY"));
        book(isbn).body("copies", is(2)).body("copiesAvailable", is(0)); // the new copy is set aside
    }

    @Test
    void membersAreImportedAndUpdatedByCardNumberAndBadRowsReported() {
        String ada = TestData.memberNumber();
        String bo = TestData.memberNumber();
        String adaEmail = TestData.email("Ada Csv");
        String boEmail = TestData.email("Bo Csv");
        String csv = MEMBERS_HEADER
                + ada + ",Ada Csv," + adaEmail.toUpperCase() + ",2020-01-31,true\n"  // line 2
                + bo + ",Bo Csv," + boEmail + ",,\n"                                   // line 3
                + "X12,Bad Number," + TestData.email("x") + ",,\n"                     // line 4
                + TestData.memberNumber() + ",Bad Mail,not-an-address,,\n"            // line 5
                + TestData.memberNumber() + ",Bad Date," + TestData.email("d") + ",31/01/2020,\n" // line 6
                + TestData.memberNumber() + ",Bad Flag," + TestData.email("f") + ",,maybe\n";      // line 7

        JsonPath report = importCsv(api, "members", csv);

        assertThat(report, "created", 2);
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(4, 5, 6, 7);
        assertThat(report, "errors[0].reason", "member_number: must look like M000123 (M and six digits)");
        org.assertj.core.api.Assertions.assertThat(report.getString("errors[1].reason")).startsWith("email: must be a well-formed email");
        assertThat(report, "errors[2].reason", "joined_on: must be a date such as 2024-03-31, not \"31/01/2020\"");
        assertThat(report, "errors[3].reason", "active: must be true or false, not \"maybe\"");
        member(ada).body("email", is(adaEmail)).body("joinedOn", is("2020-01-31")).body("active", is(true));

        // again: Ada renamed and deactivated, Bo given Ada's address (taken), a blank date keeps hers
        JsonPath again = importCsv(api, "members", MEMBERS_HEADER
                + ada.toLowerCase() + ",Ada Renamed," + adaEmail + ",,false\n"
                + bo + ",Bo Csv," + adaEmail + ",,\n");

        assertThat(again, "created", 0);
        assertThat(again, "updated", 1);
        assertThat(again, "errors[0].line", 3);
        assertThat(again, "errors[0].reason", "email: " + adaEmail + " is already the address of member " + ada);
        member(ada).body("name", is("Ada Renamed")).body("active", is(false)).body("joinedOn", is("2020-01-31"));
        member(bo).body("email", is(boEmail));
        api.request().get("/members?q={n}", ada).then().body("total", is(1));
    }

    @Test
    void aCountStopsAfterTenThousandRowsAndSaysMoreThanThat() {
        String tag = "Counted" + TestData.isbn();
        String csv = MEMBERS_HEADER + IntStream.rangeClosed(0, 10_000)
                .mapToObj(i -> TestData.memberNumber() + "," + tag + " " + i + "," + TestData.email("counted") + ",,\n")
                .collect(Collectors.joining());
        assertThat(importCsv(api, "members", csv), "created", 10_001);

        api.request().queryParam("q", tag).queryParam("size", 1).queryParam("total", true).get("/members").then()
                .statusCode(200).body("total", is(10_001)).body("totalExact", is(false)).body("hasNext", is(true))
                .body("totalPages", nullValue()).header("X-Total-Count", nullValue());
        // the list's last row: that page ends the list, so its total is exact again, without a count
        api.request().queryParam("q", tag).queryParam("size", 1).queryParam("page", 10_000).get("/members").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).body("hasNext", is(false))
                .body("total", is(10_001)).body("totalExact", is(true)).header("X-Total-Count", "10001");
    }

    @Test
    void aFileSpanningSeveralBatchesIsAcceptedAtOnceAndItsReportPolledFromItsLocation() {
        String author = "Batch Author " + TestData.isbn();
        String csv = BOOKS_HEADER + IntStream.range(0, 2500)
                .mapToObj(i -> TestData.isbn() + ",Batch Book " + i + ",2001,1," + author + ",")
                .collect(Collectors.joining("\n", "", "\n"));

        Response posted = asLibrarian(api).body(csv).post("/imports/books");

        posted.then().statusCode(202).header("Location", containsString("/api/imports/"))
                .body("kind", is("books")).body("status", org.hamcrest.Matchers.in(List.of("RUNNING", "DONE")))
                .body("bytesTotal", is(csv.getBytes(StandardCharsets.UTF_8).length));
        String id = posted.jsonPath().getString("id");
        org.assertj.core.api.Assertions.assertThat(posted.header("Location")).endsWith("/api/imports/" + id);
        JsonPath report = ended(api, posted.header("Location"));
        assertThat(report, "id", id);
        assertThat(report, "status", "DONE");
        assertThat(report, "rowsRead", 2500);
        assertThat(report, "created", 2500);
        assertThat(report, "rejected", 0);
        assertThat(report, "percent", 100);
        asLibrarian(api).get("/imports").then().statusCode(200).body("id", hasItem(id));
        api.request().get("/authors/{id}/books?size=1&total=true", authorId(author)).then().body("total", is(2500));
    }

    @Test
    void refusedRowsBeyondTheListedOnesAreCountedNotListed() {
        String csv = MEMBERS_HEADER + IntStream.range(0, 1200).mapToObj(i -> "X" + i + ",Not A Card,x@example.org,,\n")
                .collect(Collectors.joining()) + TestData.memberNumber() + ",Kept Member," + TestData.email("kept") + ",,\n";

        JsonPath report = importCsv(api, "members", csv);

        assertThat(report, "status", "DONE");
        assertThat(report, "rowsRead", 1201);
        assertThat(report, "created", 1);
        assertThat(report, "rejected", 1200);
        assertThat(report, "rejectedNotListed", 200);
        assertThat(report.getList("errors.line", Integer.class)).hasSize(1000).startsWith(2, 3, 4).endsWith(1001);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsA400ProblemAndNothingIsImported() {
        String isbn = TestData.isbn();
        asLibrarian(api).body("isbn,title,colour\n" + isbn + ",No Columns,red\n").post("/imports/books").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("https://library.example.org/problems/validation"))
                .body("errors.field", hasItem("header"))
                .body("errors.message", hasItem(startsWith("lacks the column(s) publication_year, copies, author")))
                .body("errors.message", hasItem(startsWith("has unknown column(s) colour")));
        api.request().get("/books?q={isbn}", isbn).then().body("total", is(0));
    }

    @Test
    void aRowThatIsNotUtf8IsRefusedAndTheOthersKept() {
        String good = TestData.isbn();
        byte[] latin1 = (BOOKS_HEADER + good + ",Plain,2000,1,Plain Author,\n"
                + TestData.isbn() + ",Café Crème,2000,1,Plain Author,\n").getBytes(StandardCharsets.ISO_8859_1);

        // declared UTF-8, as a client that does not know better would
        JsonPath report = importCsv(api, "books", latin1);

        assertThat(report, "created", 1);
        assertThat(report, "errors[0].line", 3);
        assertThat(report, "errors[0].reason", "is not UTF-8 text; save the file as CSV UTF-8 and import it again");
    }

    @Test
    void aFileDeclaredInAnotherCharsetOrAsJsonIsRefusedWithAProblem() {
        asLibrarian(api).contentType("text/csv; charset=ISO-8859-1").body(BOOKS_HEADER.getBytes(StandardCharsets.ISO_8859_1))
                .post("/imports/books").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", startsWith("must be UTF-8, not ISO-8859-1"));
        asLibrarian(api).contentType(ContentType.JSON).body("{}").post("/imports/members").then()
                .statusCode(415).contentType("application/problem+json").body("detail", is("Send the file as text/csv (UTF-8)."));
        asLibrarian(api).get("/imports/{id}", "no-such-import").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void numbersInOtherDigitsThanAsciiAreRefusedRows() {
        String author = "Digits Author " + TestData.isbn();
        String good = TestData.isbn();
        String csv = BOOKS_HEADER
                + TestData.isbn() + ",Arabic-Indic Copies,2000,\u0663," + author + ",\n"         // line 2
                + TestData.isbn() + ",Full-Width Year,\uFF11\uFF19\uFF19\uFF19,1," + author + ",\n" // line 3
                + TestData.isbn() + ",Devanagari Birth,2000,1," + author + ",\u0967\u096E\u0966\u0966\n" // line 4
                + good + ",Ascii Digits,2000,3," + author + ",1800\n";                            // line 5

        JsonPath report = importCsv(api, "books", csv);

        assertThat(report, "created", 1);
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(2, 3, 4);
        assertThat(report, "errors[0].reason", "copies: must be a whole number, not \"\u0663\"");
        assertThat(report, "errors[1].reason", "publication_year: must be a whole number, not \"\uFF11\uFF19\uFF19\uFF19\"");
        assertThat(report, "errors[2].reason", "author_birth_year: must be a whole number, not \"\u0967\u096E\u0966\u0966\"");
        book(good).body("copies", is(3));

        JsonPath members = importCsv(api, "members", MEMBERS_HEADER
                + TestData.memberNumber() + ",Arabic Date," + TestData.email("d") + ",\u0662\u0660\u0662\u0664-01-31,\n");
        assertThat(members, "errors[0].reason", "joined_on: must be a date such as 2024-03-31, not \"\u0662\u0660\u0662\u0664-01-31\"");
    }

    @Test
    void aValueOfFiftyMegabytesIsARefusedRowAndTheRowAfterItIsImported() throws Exception {
        String after = TestData.isbn();
        HttpResponse<String> posted = postGenerated("books", BOOKS_HEADER + TestData.isbn() + ",", FIFTY_MEGABYTES,
                ",2000,1,Huge Author,\n" + after + ",After The Huge One,2000,1,Huge Author,\n");

        org.assertj.core.api.Assertions.assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonPath report = ended(api, posted.headers().firstValue("Location").orElseThrow());
        assertThat(report, "rowsRead", 2);
        assertThat(report, "created", 1);
        assertThat(report, "errors[0].line", 2);
        assertThat(report, "errors[0].reason", "title: is longer than 65,536 characters, the most a value may have");
        book(after).body("title", is("After The Huge One"));
    }

    @Test
    void aQuoteNeverClosedBeforeFiftyMegabytesEndsTheImportFailedAndTheServerAnswersOn() throws Exception {
        String before = TestData.isbn();
        HttpResponse<String> posted = postGenerated("books", BOOKS_HEADER + before + ",Before The Quote,2000,1,Quote Author,\n"
                + TestData.isbn() + ",\"", FIFTY_MEGABYTES, "");

        org.assertj.core.api.Assertions.assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonPath report = ended(api, posted.headers().firstValue("Location").orElseThrow());
        assertThat(report, "status", "FAILED");
        assertThat(report, "created", 1);
        org.assertj.core.api.Assertions.assertThat(report.getString("failure"))
                .startsWith("file has a quote opened on line 3 that is never closed")
                .contains("the 1 good rows before it are imported");
        book(before).body("title", is("Before The Quote")); // and the server answers on
    }

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    /** Posts {@code before}, {@code length} bytes of x made as they are sent, then {@code after}. */
    private HttpResponse<String> postGenerated(String kind, String before, long length, String after) throws Exception {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/imports/" + kind))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated(before, length, after))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static InputStream generated(String before, long length, String after) {
        InputStream xs = new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int n) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(n, left);
                java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
                left -= count;
                return count;
            }
        };
        return new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)), xs,
                new java.io.ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void importsAreForLibrariansOnly() {
        String isbn = TestData.isbn();
        api.anonymous().contentType("text/csv; charset=UTF-8").body(BOOKS_HEADER + isbn + ",Sneaked In,2000,1,Nobody,\n")
                .post("/imports/books").then().statusCode(401).contentType("application/problem+json");
        api.anonymous().get("/imports").then().statusCode(401);
        api.request().get("/books?q={isbn}", isbn).then().body("total", is(0));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private io.restassured.response.ValidatableResponse book(String isbn) {
        return api.request().get("/books/{id}", bookId(isbn)).then().statusCode(200);
    }

    private long bookId(String isbn) {
        return ((Number) api.request().get("/books?q={isbn}", isbn).then().body("total", is(1))
                .extract().path("items[0].id")).longValue();
    }

    private io.restassured.response.ValidatableResponse member(String number) {
        long id = ((Number) api.request().get("/members?q={n}", number).then().body("total", is(1))
                .extract().path("items[0].id")).longValue();
        return api.request().get("/members/{id}", id).then().statusCode(200);
    }

    private long authorId(String name) {
        return ((Number) api.request().get("/authors?q={name}", name).then().body("total", is(1))
                .extract().path("items[0].id")).longValue();
    }

    private static void assertThat(JsonPath report, String path, Object expected) {
        org.assertj.core.api.Assertions.assertThat(report.<Object>get(path)).as(path + " in " + report.prettify())
                .isEqualTo(expected);
    }

    private static <T> org.assertj.core.api.ListAssert<T> assertThat(List<T> list) {
        return org.assertj.core.api.Assertions.assertThat(list);
    }
}
