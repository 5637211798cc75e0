package org.library.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * library.ear as an operator deploys it with asadmin (docs/operations.md, "Deploying"), with no setting but the
 * data directory, the first admin's password and two request body limits, tested over real HTTP: the
 * limits in force (MicroProfile Config reading a JVM option and an environment variable), no demo data and no demo
 * account (secure by default), a write as the first-start admin read back (persistence through
 * the server's transactions into Derby; the password the domain was given, and the server mapping
 * the account's group to the LIBRARIAN role), a write without credentials refused, the pages, and
 * an error as a problem document.
 *
 * <p>The build runs this class once per server (pom.xml: profiles it-payara-server, it-glassfish),
 * with the application's address in {@code deploy-it.url} and the first admin's password, which the
 * domain was given as a JVM option, in {@code deploy-it.admin-password}, and the limits the domain was given
 * in {@code deploy-it.json-body-bytes} (a JVM option) and {@code deploy-it.csv-body-bytes} (an environment variable).
 */
class DeployedEarIT {

    private static final String URL = System.getProperty("deploy-it.url", "http://localhost:8080/library");
    private static final String SERVER = System.getProperty("deploy-it.server", "the server");
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = System.getProperty("deploy-it.admin-password");
    private static final int JSON_LIMIT = Integer.getInteger("deploy-it.json-body-bytes", 8192);
    private static final int CSV_LIMIT = Integer.getInteger("deploy-it.csv-body-bytes", 4096);

    @BeforeAll
    static void failFastOnAHungServer() {
        // connect and read timeouts, so that a server that stops answering fails the test instead of hanging the build
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 30_000)
                .setParam("http.socket.timeout", 120_000));
        System.out.println("Testing library.ear on " + SERVER + " at " + URL);
    }

    private static RequestSpecification api() {
        return given().baseUri(URL + "/api").accept(ContentType.JSON);
    }

    /** Writes as the first-start admin, over HTTP Basic. */
    private static RequestSpecification admin() {
        return api().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    @DisplayName("a server not started for a demo has no demo data and no demo account with the published password")
    void noDemoByDefault() {
        api().queryParam("q", "austen")
                .when().get("/books")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("items.title", not(hasItem("Pride and Prejudice")));
        for (String demoAccount : new String[] {"e1001", "e1002", "m000101"}) {
            api().auth().preemptive().basic(demoAccount, "library-demo")
                    .when().get("/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    @DisplayName("the domain's settings take effect: a JSON body limit given as a JVM option, a CSV one as an environment variable")
    void settingsTakeEffect() {
        // over the configured limit, far under the default one (64 KiB), with which this is a 400 for too long a name
        String name = "n".repeat(JSON_LIMIT + 100);
        admin().body("""
                        {"name": "%s"}""".formatted(name))
                .when().post("/authors")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/body-too-large"))
                .body("detail", containsString("at most " + JSON_LIMIT + " bytes"));

        // over the configured limit, far under the default one (256 MiB): refused before a row is read
        StringBuilder csv = new StringBuilder("isbn,title,author,publication_year,copies\n");
        while (csv.length() <= CSV_LIMIT) {
            csv.append(isbn()).append(",Too Many Rows,Nobody,2001,1\n");
        }
        admin().contentType("text/csv").body(csv.toString())
                .when().post("/imports/books")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most " + CSV_LIMIT + " bytes"));
        api().queryParam("q", "Too Many Rows").when().get("/books")
                .then().statusCode(200)
                .body("items", empty());
    }

    @Test
    @DisplayName("an author and a book created over REST are read back from the database")
    void writesArePersisted() {
        String name = "Deployment Check " + ThreadLocalRandom.current().nextInt(1_000_000);
        String authorUrl = admin().body("""
                        {"name": "%s"}""".formatted(name))
                .when().post("/authors")
                .then().statusCode(201)
                .header("Location", startsWith(URL + "/api/authors/"))
                .extract().header("Location");
        long authorId = Long.parseLong(authorUrl.substring(authorUrl.lastIndexOf('/') + 1));

        String isbn = isbn();
        String bookUrl = admin().body("""
                        {"isbn": "%s", "title": "Deploying %s", "copies": 2, "authorId": %d}""".formatted(isbn, isbn, authorId))
                .when().post("/books")
                .then().statusCode(201)
                .extract().header("Location");

        given().accept(ContentType.JSON).when().get(bookUrl)
                .then().statusCode(200)
                .body("isbn", is(isbn))
                .body("title", is("Deploying " + isbn))
                .body("copies", is(2))
                .body("author.id", is((int) authorId))
                .body("author.name", is(name));
        api().when().get("/authors/{id}/books", authorId)
                .then().statusCode(200)
                .body("items.isbn", hasItem(isbn));
        api().queryParam("q", isbn).when().get("/books")
                .then().statusCode(200)
                .body("items.title", hasItem("Deploying " + isbn));
    }

    @Test
    @DisplayName("a write without the librarian's credentials is refused with 401: the server enforces the application's security")
    void writesNeedCredentials() {
        String author = """
                {"name": "Nobody's Author"}""";
        api().contentType(ContentType.JSON).body(author)
                .when().post("/authors")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        api().auth().preemptive().basic("no-such-user", "Not-A-Password-42").contentType(ContentType.JSON).body(author)
                .when().post("/authors")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("GET /library/ is the home page, with the catalogue's figures from the database")
    void theHomePage() {
        int titles = api().queryParam("size", 1).queryParam("total", true).get("/books").then().statusCode(200)
                .body("totalExact", org.hamcrest.Matchers.is(true)).extract().path("total");

        String html = given().accept(ContentType.HTML)
                .when().get(URL + "/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Home · Library</title>"))
                .extract().asString();

        Matcher figure = Pattern.compile("id=\"stat-books\"[^>]*>\\s*<span class=\"stat-value\">(\\d+)</span>").matcher(html);
        assertThat(figure.find()).as("the home page shows the number of books:%n%s", html).isTrue();
        assertThat(Integer.parseInt(figure.group(1))).isEqualTo(titles);
    }

    @Test
    @DisplayName("a search page lists what the services find")
    void theCataloguePage() {
        String word = "paged" + ThreadLocalRandom.current().nextInt(1_000_000);
        long authorId = Long.parseLong(admin().body("""
                        {"name": "Page Check"}""").when().post("/authors").then().statusCode(201).extract().path("id").toString());
        admin().body("""
                        {"isbn": "%s", "title": "Searched %s", "copies": 1, "authorId": %d}""".formatted(isbn(), word, authorId))
                .when().post("/books").then().statusCode(201);

        given().accept(ContentType.HTML).queryParam("q", word)
                .when().get(URL + "/catalogue.xhtml")
                .then().statusCode(200)
                .body(containsString("Searched " + word));
    }

    @Test
    @DisplayName("an unknown id is a 404 problem document")
    void anUnknownIdIsA404Problem() {
        api().when().get("/books/{id}", Long.MAX_VALUE)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("type", endsWith("/problems/book-not-found"))
                .body("detail", is("No book with id " + Long.MAX_VALUE + " exists."));
    }

    /** A valid, random ISBN-13 in the 979 range. */
    private static String isbn() {
        String body = "979" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
