package org.library.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Members, circulation (the M:N relation through borrows, and the loan ledger) and librarians
 * with their profile (the 1:1 relation) over real HTTP.
 */
class CirculationApiIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void aFullCirculationStoryIsVisibleFromBothSidesOfTheRelation() {
        long author = api.author("Jules Verne");
        long book = api.book(author, TestData.isbn(), 1);
        long member = api.member(TestData.memberNumber(), "Nellie Bly");

        Response borrowed = api.request().body(Map.of("bookId", book)).post("/members/{id}/borrows", member);
        borrowed.then().statusCode(201).header("Location", containsString("/api/loans/"))
                .body("book.id", is((int) book)).body("member.id", is((int) member))
                .body("dueOn", notNullValue()).body("returnedAt", nullValue()).body("daysOverdue", is(0));
        api.request().get(borrowed.header("Location")).then().statusCode(200).body("book.id", is((int) book));

        api.request().get("/members/{id}/borrows", member).then().body("id", is(List.of((int) book)));
        api.request().get("/books/{id}/borrowers", book).then().body("id", is(List.of((int) member)));
        api.request().get("/books/{id}", book).then().body("copiesAvailable", is(0));

        api.request().delete("/members/{id}/borrows/{bookId}", member, book).then().statusCode(204);

        api.request().get("/members/{id}/borrows", member).then().body("size()", is(0));
        api.request().get("/books/{id}/borrowers", book).then().body("size()", is(0));
        api.request().get("/members/{id}/loans", member).then()
                .body("size()", is(1)).body("[0].returnedAt", notNullValue());
    }

    @Test
    void refusedBorrowsAndReturnsAre409sThatSayWhy() {
        long author = api.author("Refusals");
        long book = api.book(author, TestData.isbn(), 1);
        long holder = api.member(TestData.memberNumber(), "Holder");
        long other = api.member(TestData.memberNumber(), "Other");
        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(201);

        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/already-holds-book"));
        api.post("/members/" + other + "/borrows", Map.of("bookId", book)).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/no-copy-available")).body("detail", containsString("every copy is out"));
        api.request().delete("/members/{id}/borrows/{bookId}", other, book).then().statusCode(409)
                .body("type", endsWith("/book-not-borrowed"));
        api.current("/members/" + holder).delete("/members/{id}", holder).then().statusCode(409).body("type", endsWith("/member-holds-books"));
        api.post("/members/" + other + "/borrows", Map.of()).statusCode(400).body("errors.field", hasItem("bookId"));
        api.post("/members/" + other + "/borrows", Map.of("bookId", Long.MAX_VALUE)).statusCode(404)
                .body("type", endsWith("/book-not-found"));
    }

    @Test
    void renewalsAndHoldsOverHttpFollowTheQueue() {
        long author = api.author("Queue Author");
        long book = api.book(author, TestData.isbn(), 1);
        long holder = api.member(TestData.memberNumber(), "Queue Holder");
        long waiting = api.member(TestData.memberNumber(), "Queue Waiting");
        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(201);

        api.request().post("/members/{id}/borrows/{bookId}/renewals", holder, book).then().statusCode(200)
                .body("renewals", is(1));
        api.post("/members/" + waiting + "/holds", Map.of("bookId", book)).statusCode(201)
                .header("Location", containsString("/holds/")).body("status", is("WAITING"));
        api.request().get("/books/{id}/holds", book).then().body("member.id", is(List.of((int) waiting)));
        api.request().post("/members/{id}/borrows/{bookId}/renewals", holder, book).then().statusCode(409)
                .contentType(PROBLEM).body("type", endsWith("/renewal-refused")).body("detail", containsString("reserved"));

        api.request().delete("/members/{id}/borrows/{bookId}", holder, book).then().statusCode(204);

        api.request().get("/books/{id}", book).then().body("copiesAvailable", is(0)).body("copiesSetAside", is(1));
        api.request().get("/members/{id}/holds", waiting).then().body("[0].status", is("READY"))
                .body("[0].pickupBy", notNullValue());
        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(409)
                .body("type", endsWith("/no-copy-available"));
        api.post("/members/" + waiting + "/borrows", Map.of("bookId", book)).statusCode(201);
        api.request().get("/members/{id}/holds", waiting).then().body("[0].status", is("FULFILLED"));
    }

    @Test
    void overdueLoansAreListedWithTheirDaysOverdue() {
        api.request().queryParam("overdue", true).get("/loans").then().statusCode(200)
                .body("total", greaterThan(0))
                .body("items.daysOverdue", everyItem(greaterThan(0)))
                .body("items.returnedAt", everyItem(nullValue()));
    }

    @Test
    void membersAreCreatedFilteredUpdatedAndDeleted() {
        String number = TestData.memberNumber();
        long member = api.member(number, "Filterable Person");

        api.request().queryParam("q", number).get("/members").then().body("items.id", is(List.of((int) member)));
        api.request().queryParam("q", "filterable pers").get("/members").then().body("items.id", hasItem((int) member));
        Response read = api.request().get("/members/{id}", member);
        read.then().body("active", is(true));

        api.request().header("If-Match", read.header("ETag"))
                .body(Map.of("memberNumber", number, "name", "Filterable Person", "email", TestData.email("f"),
                        "joinedOn", read.path("joinedOn"), "active", false))
                .put("/members/{id}", member).then().statusCode(200).body("active", is(false));
        api.request().queryParam("q", number).queryParam("active", true).get("/members").then().body("total", is(0));
        api.current("/members/" + member).delete("/members/{id}", member).then().statusCode(204);
        api.request().get("/members/{id}", member).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTakenMemberNumberOrEmailIsA409() {
        String number = TestData.memberNumber();
        String email = TestData.email("taken");
        api.post("/members", Map.of("memberNumber", number, "name", "First", "email", email)).statusCode(201);

        api.post("/members", Map.of("memberNumber", number, "name", "Second", "email", TestData.email("x")))
                .statusCode(409).body("type", endsWith("/duplicate-member-number"));
        api.post("/members", Map.of("memberNumber", TestData.memberNumber(), "name", "Third", "email", email))
                .statusCode(409).body("type", endsWith("/duplicate-email"));
        api.post("/members", Map.of("memberNumber", "123", "name", "", "email", "not-an-email"))
                .statusCode(400).body("errors.field", is(List.of("email", "memberNumber", "name")));
    }

    @Test
    void aLibrariansProfileIsCreatedReplacedAndRemovedButNeverDoubled() {
        Response created = api.request().body(Map.of("employeeNumber", TestData.employeeNumber(), "name", "Zora Hale",
                "email", TestData.email("zora"), "profile", Map.of("bio", "Archives", "office", "B12"))).post("/librarians");
        created.then().statusCode(201).body("profile.office", is("B12"));
        long id = ((Number) created.path("id")).longValue();
        String profileTag = api.request().get("/librarians/{id}/profile", id).then().statusCode(200)
                .body("bio", is("Archives")).extract().header("ETag");

        api.request().header("If-Match", profileTag).body(Map.of("bio", "Rare books", "phone", "+44 1"))
                .put("/librarians/{id}/profile", id).then().statusCode(200).body("bio", is("Rare books"))
                .body("office", nullValue());
        api.request().header("If-Match", profileTag).body(Map.of("bio", "stale"))
                .put("/librarians/{id}/profile", id).then().statusCode(412).contentType(PROBLEM);
        api.request().get("/librarians/{id}", id).then().body("profile.bio", is("Rare books"));

        api.current("/librarians/" + id + "/profile").delete("/librarians/{id}/profile", id).then().statusCode(204);
        api.request().get("/librarians/{id}/profile", id).then().statusCode(404).contentType(PROBLEM);
        api.request().get("/librarians/{id}", id).then().statusCode(200).body("profile", nullValue());
        api.request().body(Map.of("phone", "letters!")).put("/librarians/{id}/profile", id).then().statusCode(400)
                .body("errors.field", is(List.of("phone")));
        api.current("/librarians/" + id).delete("/librarians/{id}", id).then().statusCode(204);
        api.request().get("/librarians/{id}/profile", id).then().statusCode(404);
    }

    @Test
    void librariansListWithTheirProfiles() {
        api.request().queryParam("sort", "employeeNumber").get("/librarians").then().statusCode(200)
                .body("items.employeeNumber", hasItem("E1001"))
                .body("items.find { it.employeeNumber == 'E1001' }.profile.office", notNullValue());
    }
}
