package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * Privacy on the pages, in a real headless Chromium: staff keep a member's loan history, find the
 * export and erase the member after confirming; a member chooses on "My account" to keep their
 * history. Refusals of an erasure are the service's (LoanPrivacyIT, PrivacyApiIT).
 */
class PrivacyPagesIT extends LibraryDeploymentTest {

    private static final String PASSWORD = "privacy pages password";

    @RegisterExtension
    static final Browser browser = new Browser();

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    private long memberWithAccount(String number, String name) {
        long id = api.member(number, name);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", PASSWORD)).statusCode(201);
        return id;
    }

    @Test
    void staffKeepAMembersHistoryThenEraseThemAfterConfirming() {
        String number = TestData.memberNumber();
        long id = memberWithAccount(number, "Erasable Reader");
        browser.anonymous().logInAsStaff();
        browser.open("member.xhtml?id=" + id).waitForPage();
        assertThat(browser.text("member-loan-history")).contains("anonymised 18 months after each return");
        assertThat(browser.find("actions:export").getAttribute("href")).endsWith("/api/members/" + id + "/export");

        browser.click("privacy:keep-history").waitForText(By.id("member-loan-history"), "kept");
        assertThat(browser.messages()).contains("Erasable Reader’s returned loans will be kept in their history.");
        browser.screenshotWhole("member-privacy", 1280);

        browser.click("actions:erase");
        assertThat(browser.text("confirm-yes")).isEqualTo("Erase");
        browser.confirm().waitForUrl("members.xhtml");
        assertThat(browser.messages()).contains("Erasable Reader (card " + number + ") was erased: their loans remain, anonymised.");
        api.request().get("/members/{id}", id).then().statusCode(404);
        api.request().get("/accounts/{u}", number.toLowerCase()).then().statusCode(404);
    }

    @Test
    void aMemberChoosesOnMyAccountToKeepTheirLoanHistory() {
        String number = TestData.memberNumber();
        long id = memberWithAccount(number, "Choosing Reader");
        browser.anonymous().logIn(number, PASSWORD);
        browser.open("account.xhtml").waitForPage();
        assertThat(browser.text("loan-history-choice")).contains("anonymised 18 months after you returned them");

        browser.click("privacy:keep-history").waitForText(By.id("loan-history-choice"), "keeps your returned loans");
        assertThat(browser.messages()).contains("Your returned loans will be kept in your history.");
        api.request().get("/members/{id}", id).then().statusCode(200).body("keepLoanHistory", org.hamcrest.Matchers.is(true));
        browser.screenshot("account-privacy");

        browser.click("privacy:forget-history").waitForText(By.id("loan-history-choice"), "anonymised");
        api.request().get("/members/{id}", id).then().body("keepLoanHistory", org.hamcrest.Matchers.is(false));
    }

    @Test
    void aMemberTakesACalendarLinkOnMyAccountThatWorksUntilRevoked() {
        String number = TestData.memberNumber();
        memberWithAccount(number, "Subscribing Reader");
        browser.anonymous().logIn(number, PASSWORD);
        browser.open("account.xhtml").waitForPage();
        assertThat(browser.text("calendar-state")).isEqualTo("You have no calendar link.");

        browser.click("calendar:take-calendar").waitForText(By.id("calendar-state"), "You have a calendar link.");
        String url = browser.find("calendar:calendar-url").getAttribute("value");
        assertThat(url).startsWith(base.toString().replaceAll("/$", "") + "/api/calendars/cal_").endsWith(".ics");
        io.restassured.RestAssured.given().get(url).then().statusCode(200).body(org.hamcrest.Matchers.startsWith("BEGIN:VCALENDAR"));
        browser.screenshotWhole("account-calendar", 1280);

        browser.open("account.xhtml").waitForPage();
        assertThat(browser.has("calendar:calendar-url")).as("the link is shown once").isFalse();
        browser.click("calendar:revoke-calendar").waitForText(By.id("calendar-state"), "You have no calendar link.");
        io.restassured.RestAssured.given().get(url).then().statusCode(404);
    }
}
