package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live availability in a real headless Chromium: the catalogue, a book's page and the desk, left
 * open, show a loan, a hold's copy set aside and a return made elsewhere (through the API, as by
 * another desk or instance) without being reloaded. The page's own marker survives, so the new
 * figures came over its WebSocket, not with a new page.
 */
class LiveAvailabilityIT extends LibraryDeploymentTest {

    /** Far above the push's half-second period, so that a busy test machine does not fail it. */
    private static final Duration PUSHED_WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theCatalogueShowsALoanAndAReturnMadeElsewhereWithoutReloading() {
        ApiClient api = new ApiClient(base);
        String isbn = TestData.isbn();
        long book = api.book(api.author("Live " + isbn), isbn, 2);
        long member = api.member(TestData.memberNumber(), "Live Reader");
        browser.anonymous().open("catalogue.xhtml?q=" + isbn).waitForPage();
        String badge = "[data-live-book='" + book + "']";
        assertThat(browser.driver().findElement(By.cssSelector(badge)).getText()).isEqualTo("2 of 2");
        listening();

        api.post("/members/" + member + "/borrows", Map.of("bookId", book)).statusCode(201);
        pushed(badge, "1 of 2");
        api.request().delete("/members/{m}/borrows/{b}", member, book).then().statusCode(204);
        pushed(badge, "2 of 2");

        assertThat(browser.driver().executeScript("return window.notReloaded")).as("the same page all along").isEqualTo(true);
    }

    @Test
    void aBooksPageShowsTheLastCopyGoAndItsReturnSetAsideForTheHold() {
        ApiClient api = new ApiClient(base);
        String isbn = TestData.isbn();
        long book = api.book(api.author("Live " + isbn), isbn, 1);
        long reader = api.member(TestData.memberNumber(), "Live Reader");
        long waiting = api.member(TestData.memberNumber(), "Live Waiting");
        browser.logInAsStaff().open("book.xhtml?id=" + book).waitForPage();
        listening();

        api.post("/members/" + reader + "/borrows", Map.of("bookId", book)).statusCode(201);
        pushed("#available [data-live-book='" + book + "']", "0");
        api.post("/members/" + waiting + "/holds", Map.of("bookId", book)).statusCode(201);
        api.request().delete("/members/{m}/borrows/{b}", reader, book).then().statusCode(204);
        pushed("#on-hold [data-live-book='" + book + "']", "1");

        assertThat(browser.text("available")).as("returned, and set aside at once for the hold").isEqualTo("0");
        assertThat(browser.driver().executeScript("return window.notReloaded")).isEqualTo(true);
    }

    @Test
    void theDeskShowsTheCopiesOfItsLastBookAsTheyChangeElsewhere() {
        ApiClient api = new ApiClient(base);
        String isbn = TestData.isbn();
        long book = api.book(api.author("Live " + isbn), isbn, 3);
        String number = TestData.memberNumber();
        long other = api.member(TestData.memberNumber(), "Elsewhere");
        api.member(number, "At The Desk");
        browser.logInAsStaff().open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", number).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "borrowed");
        assertThat(browser.text("desk-available")).isEqualTo("2 of 3");
        listening();

        api.post("/members/" + other + "/borrows", Map.of("bookId", book)).statusCode(201);
        pushed("#desk-available", "1 of 3");
        browser.screenshot("live-desk");
        assertThat(browser.driver().executeScript("return window.notReloaded")).isEqualTo(true);
    }

    /** Waits until the page listens, and marks it: a reload would lose the mark. */
    private static void listening() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> "open".equals(browser.driver().executeScript("return document.documentElement.getAttribute('data-live')")));
        browser.driver().executeScript("window.notReloaded = true");
    }

    private static void pushed(String css, String text) {
        new WebDriverWait(browser.driver(), PUSHED_WITHIN).until(ExpectedConditions.textToBe(By.cssSelector(css), text));
    }
}
