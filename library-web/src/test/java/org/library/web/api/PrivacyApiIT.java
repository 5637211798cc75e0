package org.library.web.api;

import static org.hamcrest.Matchers.endsWith;
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
 * Privacy over real HTTP: staff export a member's data (its shape, without the password hash;
 * refused to a member and to a token without members:write), erase a member (the loans stay,
 * anonymised; 409 while books are out; If-Match required), and a member chooses to keep their
 * loan history, their own only.
 */
class PrivacyApiIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MEMBER_PASSWORD = "privacy member password";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    /** A member with a login account (the user name is the member number): their id. */
    private long memberWithAccount(String number, String name) {
        long id = api.member(number, name);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", MEMBER_PASSWORD)).statusCode(201);
        return id;
    }

    private String token(String scope) {
        return api.request().body(Map.of("name", "privacy " + scope, "scopes", List.of(scope))).post("/tokens")
                .then().statusCode(201).extract().path("secret");
    }

    @Test
    void anExportHoldsTheRecordTheAccountTheLoansAndTheHoldsButNoPasswordHash() {
        String number = TestData.memberNumber();
        long member = memberWithAccount(number, "Exported Reader");
        long author = api.author("Export Author");
        long returned = api.book(author, TestData.isbn(), 1);
        long out = api.book(author, TestData.isbn(), 1);
        long wanted = api.book(author, TestData.isbn(), 1);
        long other = api.member(TestData.memberNumber(), "Other Reader");
        api.post("/members/" + member + "/borrows", Map.of("bookId", returned)).statusCode(201);
        api.request().delete("/members/{id}/borrows/{bookId}", member, returned).then().statusCode(204);
        api.post("/members/" + member + "/borrows", Map.of("bookId", out)).statusCode(201);
        api.post("/members/" + other + "/borrows", Map.of("bookId", wanted)).statusCode(201);
        api.post("/members/" + member + "/holds", Map.of("bookId", wanted)).statusCode(201);

        Response export = api.request().get("/members/{id}/export", member);

        export.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", is("attachment; filename=\"member-" + number + ".json\""))
                .body("exportedAt", notNullValue())
                .body("member.id", is((int) member)).body("member.memberNumber", is(number))
                .body("member.name", is("Exported Reader")).body("member.keepLoanHistory", is(false))
                .body("account.username", is(number.toLowerCase())).body("account.role", is("MEMBER"))
                .body("loans.size()", is(2)).body("loans.book.id", hasItem((int) returned)).body("loans.book.id", hasItem((int) out))
                .body("holds.size()", is(1)).body("holds[0].book.id", is((int) wanted)).body("holds[0].status", is("WAITING"));
        String body = export.asString().toLowerCase();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("hash").doesNotContain("pbkdf2");
    }

    @Test
    void theExportIsForStaffAndTokensWithMembersWriteOnly() {
        String number = TestData.memberNumber();
        long member = memberWithAccount(number, "Guarded Reader");

        api.as(number, MEMBER_PASSWORD).get("/members/{id}/export", member).then().statusCode(403).contentType(PROBLEM);
        api.bearer(token("circulation")).get("/members/{id}/export", member).then().statusCode(403).contentType(PROBLEM);
        api.anonymous().get("/members/{id}/export", member).then().statusCode(401);
        api.bearer(token("members:write")).get("/members/{id}/export", member).then().statusCode(200)
                .body("member.id", is((int) member));
        api.request().get("/members/{id}/export", Long.MAX_VALUE).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/member-not-found"));
    }

    @Test
    void erasureNeedsTheCurrentVersionAndNoBookOutAndKeepsTheLoansAnonymised() {
        long member = memberWithAccount(TestData.memberNumber(), "Erased Reader");
        long author = api.author("Erasure Author");
        long book = api.book(author, TestData.isbn(), 1);
        String loan = api.request().body(Map.of("bookId", book)).post("/members/{id}/borrows", member).then().statusCode(201)
                .extract().header("Location");
        String current = api.etag("/members/" + member);

        api.request().post("/members/{id}/erasure", member).then().statusCode(428).contentType(PROBLEM);
        api.request().header("If-Match", "\"0\"").post("/members/{id}/erasure", member).then().statusCode(412).contentType(PROBLEM);
        api.request().header("If-Match", current).post("/members/{id}/erasure", member).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/member-holds-books"));
        api.request().delete("/members/{id}/borrows/{bookId}", member, book).then().statusCode(204);
        api.request().header("If-Match", current).post("/members/{id}/erasure", member).then().statusCode(204);

        api.request().get("/members/{id}", member).then().statusCode(404);
        api.request().get(loan).then().statusCode(200).body("member", nullValue()).body("book.id", is((int) book))
                .body("returnedAt", notNullValue());
        api.request().get("/books/{id}/history", book).then().statusCode(200);
        api.request().header("If-Match", current).post("/members/{id}/erasure", member).then().statusCode(404);
    }

    @Test
    void aMemberChoosesToKeepTheirOwnLoanHistoryAndNobodyElses() {
        String number = TestData.memberNumber();
        long member = memberWithAccount(number, "Keeping Reader");
        long other = api.member(TestData.memberNumber(), "Someone Else");

        api.as(number, MEMBER_PASSWORD).body(Map.of("keep", true)).put("/members/{id}/loan-history", member).then().statusCode(200)
                .body("keepLoanHistory", is(true)).header("ETag", notNullValue());
        api.request().get("/members/{id}", member).then().body("keepLoanHistory", is(true));
        api.as(number, MEMBER_PASSWORD).body(Map.of("keep", true)).put("/members/{id}/loan-history", other).then().statusCode(403);
        api.request().get("/members/{id}", other).then().body("keepLoanHistory", is(false));
        api.as(number, MEMBER_PASSWORD).body(Map.of()).put("/members/{id}/loan-history", member).then().statusCode(400)
                .body("errors.field", hasItem("keep"));
        api.request().body(Map.of("keep", false)).put("/members/{id}/loan-history", member).then().statusCode(200)
                .body("keepLoanHistory", is(false));
    }
}
