package org.library.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Authors and books over real HTTP: create/read/update/delete, the 1:N relation, filters, sorting,
 * paging with its limits and links, the statement count per list, ETags, and every error as a
 * problem document.
 */
class CatalogApiIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void createAnswers201WithLocationAndETagAndTheLocationReadsBack() {
        Response created = api.request().body(Map.of("name", "Mary Shelley", "birthYear", 1797, "deathYear", 1851))
                .post("/authors");
        created.then().statusCode(201).header("Location", containsString("/api/authors/")).header("ETag", is("\"1\""));

        api.request().get(created.header("Location")).then().statusCode(200)
                .body("name", is("Mary Shelley")).body("birthYear", is(1797)).header("ETag", is("\"1\""));
    }

    @Test
    void aBookCreatedWithAnIsbn10IsStoredAsIsbn13AndListedUnderItsAuthor() {
        long author = api.author("Ann Radcliffe");
        String isbn10 = TestData.isbn10();

        long book = api.create("/books", Map.of("isbn", isbn10, "title", "The Mysteries of Udolpho",
                "publicationYear", 1794, "copies", 2, "authorId", author));

        api.request().get("/books/{id}", book).then().statusCode(200)
                .body("isbn", startsWith("978")).body("author.id", is((int) author))
                .body("author.name", is("Ann Radcliffe")).body("copies", is(2)).body("copiesAvailable", is(2));
        api.request().get("/authors/{id}/books", author).then().statusCode(200)
                .body("items.id", hasItem((int) book)).body("total", is(1));
    }

    @Test
    void aDuplicateIsbnInAnyFormIsA409() {
        long author = api.author("Dup Author");
        String isbn10 = TestData.isbn10();
        api.book(author, isbn10, 1);

        api.post("/books", Map.of("isbn", isbn10.substring(0, 3) + "-" + isbn10.substring(3), "title", "Again",
                        "copies", 1, "authorId", author))
                .statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/duplicate-isbn")).body("detail", containsString("already in the catalogue"));
    }

    @Test
    void invalidFieldsAreA400ListingEachField() {
        api.post("/books", Map.of("isbn", "9780141439519", "title", " ", "copies", 0))
                .statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("errors.field", is(java.util.List.of("authorId", "copies", "isbn", "title")))
                .body("errors.message", everyItem(not(is(""))));
    }

    @Test
    void malformedJsonAndWrongTypesAreA400Problem() {
        api.request().body("{\"name\": ").post("/authors").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/unreadable-body"));
        api.request().body("{\"isbn\": \"x\", \"copies\": \"many\"}").post("/books").then().statusCode(400)
                .contentType(PROBLEM);
        api.request().post("/authors").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeIs415AndWrongMethodIs405AndUnknownRouteIs404AllAsProblems() {
        api.request().contentType("text/plain").body("hello").post("/authors").then().statusCode(415).contentType(PROBLEM);
        api.request().patch("/books/1").then().statusCode(405).contentType(PROBLEM).header("Allow", containsString("GET"));
        api.request().get("/nothing/here").then().statusCode(404).contentType(PROBLEM);
        api.request().get("/books/not-a-number").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void updateWithAStaleETagIs412AndKeepsTheNewerChange() {
        long author = api.author("Versioned");
        String etag = api.request().get("/authors/{id}", author).header("ETag");
        api.request().header("If-Match", etag).body(Map.of("name", "Versioned Twice")).put("/authors/{id}", author)
                .then().statusCode(200).header("ETag", is("\"2\""));

        api.request().header("If-Match", etag).body(Map.of("name", "Lost Update")).put("/authors/{id}", author)
                .then().statusCode(412).contentType(PROBLEM).body("type", endsWith("/stale-version"));
        api.request().header("If-Match", etag).delete("/authors/{id}", author).then().statusCode(412);
        api.request().get("/authors/{id}", author).then().body("name", is("Versioned Twice"));
    }

    @Test
    void aCurrentETagInIfNoneMatchIs304() {
        long author = api.author("Cached");
        String etag = api.request().get("/authors/{id}", author).header("ETag");

        api.request().header("If-None-Match", etag).get("/authors/{id}", author).then().statusCode(304);
    }

    @Test
    void deleteIs204ThenTheRecordIs404() {
        long author = api.author("Short-lived");
        long book = api.book(author, TestData.isbn(), 1);

        api.current("/authors/" + author).delete("/authors/{id}", author).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/author-has-books"));
        api.current("/books/" + book).delete("/books/{id}", book).then().statusCode(204);
        api.current("/authors/" + author).delete("/authors/{id}", author).then().statusCode(204);
        api.request().get("/authors/{id}", author).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/author-not-found"));
    }

    @Test
    void theIsbnOfABookCannotChange() {
        long author = api.author("Fixed Isbn");
        long book = api.book(author, TestData.isbn(), 1);

        api.current("/books/" + book).body(Map.of("isbn", TestData.isbn(), "title", "T", "copies", 1, "authorId", author))
                .put("/books/{id}", book).then().statusCode(400).body("errors.field", hasItem("isbn"));
    }

    @Test
    void booksFilterByTextAuthorAndAvailability() {
        long author = api.author("Filter Author " + TestData.isbn());
        long available = api.book(author, TestData.isbn(), 1);
        String isbn = TestData.isbn();
        long lent = api.book(author, isbn, 1);
        long member = api.member(TestData.memberNumber(), "Filter Reader");
        api.post("/members/" + member + "/borrows", Map.of("bookId", lent)).statusCode(201);

        api.request().queryParam("authorId", author).get("/books").then().body("total", is(2));
        api.request().queryParam("authorId", author).queryParam("available", true).get("/books").then()
                .body("items.id", is(java.util.List.of((int) available)));
        api.request().queryParam("q", isbn).get("/books").then().body("items.id", is(java.util.List.of((int) lent)));
        api.request().queryParam("q", "pride and prej*").get("/books").then()
                .body("items.title", hasItem("Pride and Prejudice"));
        api.request().queryParam("q", "austen").get("/books").then()
                .body("items.author.name", everyItem(is("Jane Austen")));
    }

    @Test
    void theSearchFindsWholeWordsOfTitleAndAuthorInAnyOrderCaseAndAccentAndAStarTruncates() {
        String titleWord = "q" + TestData.isbn();
        String nameWord = "n" + TestData.isbn();
        long author = api.author("Zoë Ångström " + nameWord);
        long book = api.create("/books", Map.of("isbn", TestData.isbn(), "title", "The Lantern-Keeper " + titleWord,
                "copies", 1, "authorId", author));

        for (String found : new String[] {titleWord, titleWord.toUpperCase(), "keeper LANTERN " + titleWord,
                "zoe angstrom " + nameWord, nameWord + " " + titleWord, titleWord.substring(0, 8) + "*"}) {
            api.request().queryParam("q", found).get("/books").then().statusCode(200)
                    .body("items.id", is(java.util.List.of((int) book)));
        }
        for (String missed : new String[] {titleWord.substring(0, 8), titleWord + " absent", "lantern-keepers " + titleWord, "?!"}) {
            api.request().queryParam("q", missed).get("/books").then().statusCode(200)
                    .body("items", hasSize(0)).body("total", is(0));
        }
    }

    @Test
    void theSearchFollowsAChangedTitleARenamedAuthorAndADeletedBook() {
        String before = "b" + TestData.isbn();
        String after = "a" + TestData.isbn();
        long author = api.author("Renamed " + before);
        String isbn = TestData.isbn();
        long book = api.create("/books", Map.of("isbn", isbn, "title", "Old " + before, "copies", 1, "authorId", author));

        api.current("/books/" + book).body(Map.of("isbn", isbn, "title", "New " + after, "copies", 1, "authorId", author))
                .put("/books/{id}", book).then().statusCode(200);
        api.request().queryParam("q", "old " + before).get("/books").then().body("items", hasSize(0));
        api.request().queryParam("q", "new " + after).get("/books").then().body("items.id", is(java.util.List.of((int) book)));

        api.current("/authors/" + author).body(Map.of("name", "Other " + after)).put("/authors/{id}", author).then().statusCode(200);
        api.request().queryParam("q", "renamed").queryParam("authorId", author).get("/books").then().body("items", hasSize(0));
        api.request().queryParam("q", "other").queryParam("authorId", author).get("/books").then()
                .body("items.id", is(java.util.List.of((int) book)));

        api.current("/books/" + book).delete("/books/{id}", book).then().statusCode(204);
        api.request().queryParam("q", after).get("/books").then().body("items", hasSize(0));
    }

    @Test
    void listsSortByAWhitelistedFieldEitherWayAndRefuseOthers() {
        api.request().queryParam("sort", "-year").queryParam("size", 3).get("/books").then().statusCode(200)
                .body("items[0].publicationYear", org.hamcrest.Matchers.greaterThanOrEqualTo(1900));
        api.request().queryParam("sort", "title,asc").queryParam("size", 1).get("/books").then().statusCode(200);
        api.request().queryParam("sort", "version").get("/books").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("sort"));
    }

    @Test
    void pagingHasADefaultAMaximumAndLinksToNeighbours() {
        api.request().get("/books").then().statusCode(200).body("size", is(20)).body("items", hasSize(20));
        long author = api.author("Paged Author " + TestData.isbn());
        for (int i = 0; i < 25; i++) {
            api.book(author, TestData.isbn(), 1);
        }

        // uncounted: the page tells that another follows (it read one row more), not how many
        Response middle = api.request().queryParam("page", 1).queryParam("size", 10).get("/authors/{id}/books", author);
        middle.then().statusCode(200).body("items", hasSize(10)).body("hasNext", is(true))
                .body("totalExact", is(false)).body("total", is(21)).body("totalPages", nullValue())
                .header("X-Total-Count", nullValue());
        org.assertj.core.api.Assertions.assertThat(middle.headers().getValues("Link"))
                .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l).contains("page=2").contains("rel=\"next\""))
                .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l).contains("page=0").contains("rel=\"prev\""))
                .noneSatisfy(l -> org.assertj.core.api.Assertions.assertThat(l).contains("rel=\"last\""));

        // counted on request
        Response counted = api.request().queryParam("page", 1).queryParam("size", 10).queryParam("total", true)
                .get("/authors/{id}/books", author);
        counted.then().statusCode(200).body("total", is(25)).body("totalExact", is(true)).body("totalPages", is(3))
                .header("X-Total-Count", "25");
        org.assertj.core.api.Assertions.assertThat(counted.headers().getValues("Link"))
                .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l).contains("page=2").contains("rel=\"last\""));

        // the last page knows the total without a count
        api.request().queryParam("page", 2).queryParam("size", 10).get("/authors/{id}/books", author).then()
                .body("items", hasSize(5)).body("hasNext", is(false)).body("total", is(25)).body("totalExact", is(true))
                .header("X-Total-Count", "25");
        api.request().queryParam("total", "maybe").get("/books").then().statusCode(400).body("errors.field", hasItem("total"));

        api.request().queryParam("size", 101).get("/books").then().statusCode(400).body("errors.field", hasItem("size"));
        api.request().queryParam("size", 0).get("/books").then().statusCode(400);
        api.request().queryParam("page", -1).get("/books").then().statusCode(400).body("errors.field", hasItem("page"));
        api.request().queryParam("page", "abc").get("/books").then().statusCode(400).body("errors.field", hasItem("page"));
        api.request().queryParam("authorId", "abc").get("/books").then().statusCode(400);
    }

    @Test
    void theOpenApiDocumentDescribesSchemasAndProblemResponses() {
        String openapi = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/openapi";
        io.restassured.RestAssured.given().accept("application/json").get(openapi).then().statusCode(200)
                .body("paths.'/api/books'.get.responses.'200'.content.'application/json'.schema.'$ref'", endsWith("/BookPage"))
                .body("components.schemas.BookPage.properties.items.items.'$ref'", endsWith("/BookView"))
                .body("paths.'/api/books'.post.responses.'409'.content.'application/problem+json'.schema.'$ref'",
                        endsWith("/Problem"))
                .body("components.schemas.BookInput.properties.isbn.example", not(nullValue()))
                .body("components.schemas.Problem.properties.errors.type", is("array"));
        api.request().baseUri(base.toString()).get("/api-docs.html").then().statusCode(200);
    }

    /** The same guard for a member's own lists, with books by several authors in them. */
    @Test
    void aMembersBorrowsLoansAndHoldsCostAtMostTwoSqlStatementsEach() {
        long member = api.member(TestData.memberNumber(), "Busy Reader");
        long other = api.member(TestData.memberNumber(), "Other Reader");
        for (int i = 0; i < 3; i++) {
            long book = api.book(api.author("Author " + i + " " + TestData.isbn()), TestData.isbn(), 1);
            api.post("/members/" + member + "/borrows", Map.of("bookId", book)).statusCode(201);
            long wanted = api.book(api.author("Wanted " + i + " " + TestData.isbn()), TestData.isbn(), 1);
            api.post("/members/" + other + "/borrows", Map.of("bookId", wanted)).statusCode(201);
            api.post("/members/" + member + "/holds", Map.of("bookId", wanted)).statusCode(201);
        }
        for (String list : new String[] {"borrows", "loans", "holds"}) {
            api.request().get("/members/{id}/" + list, member).then().statusCode(200)
                    .body("size()", is(3))
                    .header("X-SQL-Statements", org.hamcrest.Matchers.matchesPattern("[0-2]"));
        }
    }

    /**
     * The N+1 guard: a list costs at most three SQL statements (page, the books' authors by id,
     * count) whatever its size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/books?size=1", "/books?size=20", "/books?size=100&sort=author", "/books?q=the&size=100",
            "/authors?size=100", "/members?size=100", "/loans?size=100", "/loans?overdue=true&size=100",
            "/librarians?size=100"})
    void aListRequestRunsAtMostThreeSqlStatementsWhateverItsSize(String list) {
        api.request().get(list).then().statusCode(200)
                .header("X-SQL-Statements", org.hamcrest.Matchers.notNullValue())
                .header("X-SQL-Statements", org.hamcrest.Matchers.matchesPattern("[0-3]"));
    }

    /**
     * The catalogue kept between requests: a page or a book read again while the catalogue has
     * not changed costs one statement, the one that asks whether it has and where the copies are.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/books?size=20", "/books?size=100&sort=-year", "/books?q=the&size=100", "/books?size=5&total=true"})
    void aPageReadAgainWhileTheCatalogueIsUnchangedCostsOneStatement(String list) {
        api.book(api.author("Kept " + TestData.isbn()), TestData.isbn(), 1); // a catalogue with a book whatever ran before
        api.request().get(list).then().statusCode(200);
        api.request().get(list).then().statusCode(200).header("X-SQL-Statements", is("1"));
    }

    @Test
    void aBookReadAgainWhileTheCatalogueIsUnchangedCostsOneStatement() {
        long book = api.book(api.author("Kept Record"), TestData.isbn(), 1);
        api.request().get("/books/{id}", book).then().statusCode(200);
        api.request().get("/books/{id}", book).then().statusCode(200).header("X-SQL-Statements", is("1"));
    }

    @Test
    void theKeptCatalogueShowsEveryChangeAtTheVeryNextRead() {
        String word = "Kq" + Long.toString(System.nanoTime(), 36);
        long author = api.author("Kept Author");
        String isbn = TestData.isbn();
        long book = api.create("/books", Map.of("isbn", isbn, "title", word + " before", "copies", 2, "authorId", author));
        for (int i = 0; i < 2; i++) {
            api.request().queryParam("q", word).get("/books").then().body("items[0].title", is(word + " before"));
            api.request().get("/books/{id}", book).then().body("title", is(word + " before"));
        }

        api.current("/books/" + book).body(Map.of("isbn", isbn, "title", word + " after", "copies", 2, "authorId", author))
                .put("/books/{id}", book).then().statusCode(200);
        api.request().queryParam("q", word).get("/books").then().body("items[0].title", is(word + " after"));
        api.request().get("/books/{id}", book).then().body("title", is(word + " after"));

        api.current("/authors/" + author).body(Map.of("name", "Kept Renamed")).put("/authors/{id}", author).then().statusCode(200);
        api.request().queryParam("q", word).get("/books").then().body("items[0].author.name", is("Kept Renamed"));
        api.request().get("/books/{id}", book).then().body("author.name", is("Kept Renamed"));

        long member = api.member(TestData.memberNumber(), "Kept Reader");
        api.post("/members/" + member + "/borrows", Map.of("bookId", book)).statusCode(201);
        api.request().queryParam("q", word).get("/books").then().body("items[0].copiesAvailable", is(1));
        api.request().get("/books/{id}", book).then().body("copiesAvailable", is(1)).header("ETag", is("\"3\""));

        api.current("/books/" + book).delete("/books/{id}", book).then().statusCode(409); // a copy is out
        api.request().delete("/members/{m}/borrows/{b}", member, book).then().statusCode(204);
        api.current("/books/" + book).delete("/books/{id}", book).then().statusCode(204);
        api.request().queryParam("q", word).get("/books").then().body("items", org.hamcrest.Matchers.empty());
        api.request().get("/books/{id}", book).then().statusCode(404).contentType(PROBLEM);
    }
}
