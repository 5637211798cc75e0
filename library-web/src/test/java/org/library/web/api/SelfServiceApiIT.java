package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * A member's own requests over real HTTP, with their own login: renewing one loan and all of them
 * (each book answered, a refused one renewing none the less the others), the place in a hold
 * queue, and their own e-mail address; and never for another member.
 */
class SelfServiceApiIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PASSWORD = "Reading-Room-4711";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void renewAllRenewsWhatMayBeRenewedAndSaysWhyNotForTheRest() {
        Reader reader = reader("Renewing Reader");
        long waiting = api.member(TestData.memberNumber(), "Waiting Reader");
        long author = api.author("Renewals " + TestData.isbn().substring(7));
        long free = api.book(author, TestData.isbn(), 1);
        long wanted = api.book(author, TestData.isbn(), 1);
        for (long book : List.of(free, wanted)) {
            api.post("/members/" + reader.id + "/borrows", Map.of("bookId", book)).statusCode(201);
        }
        api.post("/members/" + waiting + "/holds", Map.of("bookId", wanted)).statusCode(201);
        String dueBefore = dueOn(reader, free);

        JsonPath answer = reader.request().post("/members/{id}/renewals", reader.id).then().statusCode(200)
                .contentType("application/json").body("renewed", is(1)).body("refused", is(1)).body("loans.size()", is(2))
                .extract().jsonPath();

        Map<String, Object> renewed = answer.getMap("loans.find { it.book.id == " + free + " }");
        assertThat(renewed).containsEntry("renewed", true).containsEntry("renewals", 1);
        assertThat((String) renewed.get("dueOn")).isGreaterThan(dueBefore);
        assertThat(renewed.get("refusal")).isNull();
        Map<String, Object> refused = answer.getMap("loans.find { it.book.id == " + wanted + " }");
        assertThat(refused).containsEntry("renewed", false).containsEntry("refusal", "reserved-by-another-member");
        assertThat((String) refused.get("reason")).contains("another member has reserved");
        assertThat(refused.get("dueOn")).isNull();

        // the refusal undid nothing: the free book's loan is renewed in the ledger, the wanted one's not
        assertThat(dueOn(reader, free)).isEqualTo(renewed.get("dueOn"));
        reader.request().get("/members/{id}/loans", reader.id).then().statusCode(200)
                .body("find { it.book.id == " + free + " }.renewals", is(1))
                .body("find { it.book.id == " + wanted + " }.renewals", is(0));
    }

    @Test
    void aMemberRenewsTheirOwnLoanButNeverAnotherMembers() {
        Reader reader = reader("Own Loan Reader");
        Reader other = reader("Other Loan Reader");
        long author = api.author("Own Loans " + TestData.isbn().substring(7));
        long book = api.book(author, TestData.isbn(), 2);
        api.post("/members/" + reader.id + "/borrows", Map.of("bookId", book)).statusCode(201);
        api.post("/members/" + other.id + "/borrows", Map.of("bookId", book)).statusCode(201);

        reader.request().post("/members/{id}/borrows/{bookId}/renewals", reader.id, book).then().statusCode(200)
                .body("renewals", is(1)).body("book.id", is((int) book));

        reader.request().post("/members/{id}/borrows/{bookId}/renewals", other.id, book).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("only your own"));
        reader.request().post("/members/{id}/renewals", other.id).then().statusCode(403).contentType(PROBLEM);
        other.request().get("/members/{id}/loans", other.id).then().statusCode(200).body("[0].renewals", is(0));

        // staff renew for anyone; a member nobody has is a 404, not a 200 with nothing in it
        api.request().post("/members/{id}/renewals", other.id).then().statusCode(200).body("renewed", is(1));
        api.request().post("/members/{id}/renewals", Long.MAX_VALUE).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/member-not-found"));
        api.anonymous().post("/members/{id}/renewals", reader.id).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void placingAHoldAnswersThePlaceInTheQueue() {
        Reader first = reader("First In Line");
        Reader second = reader("Second In Line");
        long holder = api.member(TestData.memberNumber(), "Copy Holder");
        long author = api.author("Queue " + TestData.isbn().substring(7));
        long book = api.book(author, TestData.isbn(), 1);
        api.post("/members/" + holder + "/borrows", Map.of("bookId", book)).statusCode(201);

        first.request().body(Map.of("bookId", book)).post("/members/{id}/holds", first.id).then().statusCode(201)
                .body("status", is("WAITING")).body("queuePosition", is(1));
        long secondHold = ((Number) second.request().body(Map.of("bookId", book)).post("/members/{id}/holds", second.id)
                .then().statusCode(201).body("queuePosition", is(2)).extract().path("id")).longValue();
        second.request().get("/members/{id}/holds", second.id).then().body("[0].queuePosition", is(2));

        long firstHold = ((Number) first.request().get("/members/{id}/holds", first.id).then().extract().path("[0].id")).longValue();
        first.request().delete("/members/{id}/holds/{holdId}", first.id, firstHold).then().statusCode(204);
        second.request().get("/members/{id}/holds", second.id).then().body("[0].id", is((int) secondHold))
                .body("[0].queuePosition", is(1));
        first.request().get("/members/{id}/holds", first.id).then().body("[0].status", is("CANCELLED"))
                .body("[0].queuePosition", nullValue());
    }

    @Test
    void aMemberChangesTheirOwnEmailAddressAsStaffWould() {
        Reader reader = reader("Moving Reader");
        Reader other = reader("Neighbour Reader");
        String taken = other.request().get("/members/{id}", other.id).then().extract().path("email");
        String fresh = TestData.email("Moved Reader");

        reader.request().body(Map.of("email", "  " + fresh.toUpperCase(Locale.ROOT) + " ")).put("/me/email").then()
                .statusCode(200).body("id", is((int) reader.id)).body("email", is(fresh));
        api.request().get("/members/{id}", reader.id).then().body("email", is(fresh));
        api.request().get("/members/{id}/history", reader.id).then().statusCode(200)
                .body("items[0].event", is("member.updated")).body("items[0].actor", is("member:" + reader.username))
                .body("items[0].changes.field", is(List.of("email")));

        reader.request().body(Map.of("email", "not an address")).put("/me/email").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email")).body("errors.message", hasItem("must be a well-formed email address"));
        reader.request().body(Map.of()).put("/me/email").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email"));
        api.request().body(Map.of()).put("/me/email").then().statusCode(400).contentType(PROBLEM); // malformed first, whoever sends it
        reader.request().body(Map.of("email", taken)).put("/me/email").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/duplicate-email"));
        api.request().get("/members/{id}", reader.id).then().body("email", is(fresh));

        // staff have no member record of their own: they change members' records instead
        api.request().body(Map.of("email", TestData.email("Staff"))).put("/me/email").then().statusCode(403).contentType(PROBLEM);
        api.anonymous().body(Map.of("email", fresh)).put("/me/email").then().statusCode(401);
        other.request().get("/members/{id}", other.id).then().body("email", equalTo(taken));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String dueOn(Reader reader, long book) {
        return reader.request().get("/members/{id}/loans", reader.id).then().statusCode(200)
                .body("find { it.book.id == " + book + " }.dueOn", notNullValue())
                .extract().path("find { it.book.id == " + book + " }.dueOn");
    }

    /** A member with a login account (user name = card number in lower case). */
    private Reader reader(String name) {
        String number = TestData.memberNumber();
        long id = api.member(number, name);
        String username = number.toLowerCase(Locale.ROOT);
        api.post("/members/" + id + "/account", Map.of("username", username, "password", PASSWORD)).statusCode(201);
        return new Reader(id, username);
    }

    private final class Reader {
        final long id;
        final String username;

        Reader(long id, String username) {
            this.id = id;
            this.username = username;
        }

        io.restassured.specification.RequestSpecification request() {
            return api.as(username, PASSWORD);
        }
    }
}
