package org.library.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.LibraryDeploymentTest;

/**
 * The first REST reads over real HTTP, against the application as the run command serves it:
 * the demo catalogue is there on first start, books come with their author, and errors are
 * problem documents.
 */
class BooksApiIT extends LibraryDeploymentTest {

    @BeforeEach
    void pointRestAssuredAtTheDeployment() {
        RestAssured.baseURI = base.toString().replaceAll("/$", "") + "/api";
        RestAssured.port = base.getPort();
    }

    @Test
    void listsAPageOfTheDemoCatalogueWithEachBooksAuthor() {
        given().queryParam("size", 5).queryParam("total", true)
                .when().get("/books")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items", hasSize(5))
                .body("page", is(0))
                .body("size", is(5))
                .body("total", greaterThanOrEqualTo(50))
                .body("hasNext", is(true))
                .body("items.author.name", everyItem(notNullValue()))
                .body("items.isbn", everyItem(matchesPattern("97[89]\\d{10}")))
                .body("items.copiesAvailable", everyItem(greaterThanOrEqualTo(0)));
    }

    @Test
    void theDemoCatalogueHoldsRealPublicDomainBooks() {
        // searched, not the first page: other tests (the CSV import) add thousands of titles
        given().queryParam("q", "Pride and Prejudice")
                .when().get("/books")
                .then().statusCode(200)
                .body("items.title", hasItem("Pride and Prejudice"))
                .body("items.author.name", hasItem("Jane Austen"));
    }

    @Test
    void readsOneBookById() {
        int id = given().queryParam("size", 1).get("/books").then().extract().path("items[0].id");

        given().when().get("/books/{id}", id)
                .then().statusCode(200)
                .contentType("application/json")
                .body("id", is(id))
                .body("title", notNullValue())
                .body("author.id", notNullValue())
                .body("author.name", notNullValue());
    }

    @Test
    void anUnknownBookIsA404ProblemDocument() {
        given().when().get("/books/{id}", Long.MAX_VALUE)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("type", startsWith("https://library.example.org/problems/book-not-found"))
                .body("detail", is("No book with id " + Long.MAX_VALUE + " exists."));
    }

    @Test
    void aPageSizeAboveTheMaximumIsA400NamingTheField() {
        given().queryParam("size", 1000)
                .when().get("/books")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"))
                .body("detail", not(is("")));
    }

    @Test
    void anUnknownRouteIsA404ProblemNotAnHtmlPage() {
        given().when().get("/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
