package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.platform.access.Roles;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The history panel of the staff's pages in a real headless Chromium: staff change a book's copies
 * and see, on its page, a row naming them with "copies: 1 → 3", the older changes on the table's
 * second page; a member's page shows a change of the member to staff, and nothing of the log to
 * the member themself; a librarian's page shows a profile field set where there was none as "—".
 * Records are set up over REST, by a token where the row must name someone other than the staff.
 */
class HistoryPagesIT extends LibraryDeploymentTest {

    private static final String PASSWORD = "Reading-Room-4711";

    private static final String ROWS = "[id='changes:table_data'] > tr";

    @RegisterExtension
    static final Browser browser = new Browser();

    ApiClient api;

    @BeforeEach
    void logInAsStaff() {
        api = new ApiClient(base);
        browser.logInAsStaff();
    }

    @Test
    void staffChangeABooksCopiesAndSeeTheirChangeInItsHistoryWithTheOlderOnesOnTheSecondPage() {
        String token = token(Roles.CATALOGUE_WRITE);
        long author = ((Number) api.bearer(token).body(Map.of("name", "History Page Author " + TestData.isbn().substring(7)))
                .post("/authors").then().statusCode(201).extract().path("id")).longValue();
        String isbn = TestData.isbn();
        long book = ((Number) api.bearer(token).body(Map.of("isbn", isbn, "title", "Changing Copies", "copies", 1, "authorId", author))
                .post("/books").then().statusCode(201).extract().path("id")).longValue();

        browser.open("book-edit.xhtml?id=" + book).waitForPage();
        browser.type("book:copies", "3").click("book:save").waitForUrl("book.xhtml?id=");
        assertThat(browser.text("copies")).isEqualTo("3");

        List<WebElement> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(cell(rows.get(0), ".history-actor")).isEqualTo(TestData.ADMIN);
        assertThat(cell(rows.get(0), ".history-event")).isEqualTo("book.updated");
        assertThat(changes(rows.get(0))).containsExactly("copies: 1 → 3");
        assertThat(cell(rows.get(1), ".history-event")).isEqualTo("book.created");
        assertThat(cell(rows.get(1), ".history-actor")).startsWith("token:");
        assertThat(changes(rows.get(1))).contains("copies: — → 1", "title: — → Changing Copies");
        browser.screenshotWhole("history-book", 1280);

        // ten more changes: the page shows the newest ten, the copies' change moves to the second page
        for (int i = 1; i <= 10; i++) {
            api.bearer(token).body(Map.of("title", "Changing Copies " + i, "copies", 3, "authorId", author))
                    .put("/books/by-isbn/{isbn}", isbn).then().statusCode(200);
        }
        browser.open("book.xhtml?id=" + book).waitForPage();
        rows = rows();
        assertThat(rows).hasSize(10);
        assertThat(changes(rows.get(0))).containsExactly("title: Changing Copies 9 → Changing Copies 10");
        assertThat(browser.text("changes:table_paginator_bottom")).contains("1–10 of 12");

        browser.driver().findElement(By.cssSelector("[id='changes:table_paginator_bottom'] .ui-paginator-next")).click();
        browser.waitForText(By.id("changes:table_paginator_bottom"), "11–12 of 12");
        rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(changes(rows.get(0))).containsExactly("copies: 1 → 3");
        assertThat(cell(rows.get(0), ".history-actor")).isEqualTo(TestData.ADMIN);
        assertThat(cell(rows.get(1), ".history-event")).isEqualTo("book.created");
    }

    @Test
    void aMembersPageShowsTheirChangesToStaffButNotToTheMember() {
        String number = TestData.memberNumber();
        long member = api.member(number, "Moving Reader");
        String username = number.toLowerCase(Locale.ROOT);
        api.post("/members/" + member + "/account", Map.of("username", username, "password", PASSWORD)).statusCode(201);
        JsonPath before = api.request().get("/members/{id}", member).then().statusCode(200).extract().jsonPath();
        String newEmail = TestData.email("Moved Reader");
        api.bearer(token(Roles.MEMBERS_WRITE)).body(Map.of("name", "Moving Reader", "email", newEmail,
                        "joinedOn", before.getString("joinedOn"), "active", true))
                .put("/members/by-number/{number}", number).then().statusCode(200);

        browser.open("member.xhtml?id=" + member).waitForPage();
        List<WebElement> rows = rows();
        assertThat(cell(rows.get(0), ".history-event")).isEqualTo("member.updated");
        assertThat(cell(rows.get(0), ".history-actor")).startsWith("token:");
        assertThat(changes(rows.get(0))).containsExactly("email: " + before.getString("email") + " → " + newEmail);
        assertThat(cell(rows.get(1), ".history-event")).isEqualTo("member.created");

        browser.logOut().logIn(username, PASSWORD);
        browser.open("member.xhtml?id=" + member).waitForPage();
        assertThat(browser.text("member-name")).isEqualTo("Moving Reader");
        assertThat(browser.has("changes")).as("the history panel, for the member themself").isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain("member.updated");
        browser.logOut();
    }

    @Test
    void aLibrariansPageShowsAProfileFieldSetWhereThereWasNoneAsADash() {
        long librarian = api.create("/librarians", Map.of("employeeNumber", TestData.employeeNumber(), "name", "Profiled Librarian",
                "email", TestData.email("Profiled Librarian")));

        browser.open("librarian.xhtml?id=" + librarian).waitForPage();
        assertThat(changes(rows().get(0))).contains("name: — → Profiled Librarian");
        browser.type("profile:office", "Room 12").click("profile:save").waitForUrl("librarian.xhtml?id=");
        browser.waitForText(By.id("messages"), "was saved");

        List<WebElement> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(cell(rows.get(0), ".history-event")).isEqualTo("librarian.updated");
        assertThat(cell(rows.get(0), ".history-actor")).isEqualTo(TestData.ADMIN);
        assertThat(changes(rows.get(0))).containsExactly("office: — → Room 12");
    }

    private List<WebElement> rows() {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ROWS)));
        return browser.driver().findElements(By.cssSelector(ROWS));
    }

    private static String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText();
    }

    private static List<String> changes(WebElement row) {
        return row.findElements(By.cssSelector(".history-changes li")).stream().map(WebElement::getText).toList();
    }

    /** A new token's secret, made by the admin: its changes name it, not the staff in the browser. */
    private String token(String scope) {
        return api.request().body(Map.of("name", "history page " + TestData.memberNumber(), "scopes", List.of(scope)))
                .post("/tokens").then().statusCode(201).extract().path("secret");
    }
}
