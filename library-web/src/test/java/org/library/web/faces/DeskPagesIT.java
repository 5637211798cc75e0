package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * The people's pages and the circulation desk in a real headless Chromium: enrolling and
 * deactivating members, borrowing, returning, holds and renewals by card number and ISBN,
 * refusals, a librarian's profile, and an expired page.
 */
class DeskPagesIT extends LibraryDeploymentTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void logInAsStaff() {
        browser.logInAsStaff();
    }

    @Test
    void createAMemberThenBorrowAndReturnAtTheDesk() {
        String isbn = createBook("The Desk Test", 2);
        String number = TestData.memberNumber();
        long memberId = enrol(number, "Desk Tester");
        assertThat(browser.text("member-number")).isEqualTo(number);
        assertThat(browser.text("member-status")).isEqualTo("active");
        assertThat(browser.messages()).contains("Desk Tester (" + number + ") is now a member.");

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", number).type("desk:isbn", isbn).click("desk:borrow").waitForPage()
                .waitForText(By.id("messages"), "borrowed");
        assertThat(browser.messages()).contains("Desk Tester (" + number + ") borrowed “The Desk Test”. Due back on ");
        assertThat(browser.find("desk:memberNumber").getAttribute("value")).isEmpty(); // ready for the next one
        browser.screenshot("desk");

        browser.open("member.xhtml?id=" + memberId).waitForPage();
        assertThat(browser.text("held")).contains("Books held now (1)").contains("The Desk Test");
        assertThat(browser.text("history")).contains("The Desk Test").contains("out");

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", number.toLowerCase()).type("desk:isbn", isbn).click("desk:return")
                .waitForText(By.id("messages"), "returned");
        assertThat(browser.messages()).contains("Desk Tester (" + number + ") returned “The Desk Test”.");

        browser.open("member.xhtml?id=" + memberId).waitForPage();
        assertThat(browser.text("held")).contains("Books held now (0)");
        assertThat(browser.text("history")).contains("The Desk Test").doesNotContain("out");
        browser.screenshotWhole("member", 1280);
    }

    @Test
    void aRefusedBorrowShowsItsMessageAndKeepsWhatWasTyped() {
        String isbn = createBook("The Last Copy", 1);
        String first = TestData.memberNumber();
        String second = TestData.memberNumber();
        enrol(first, "First Reader");
        enrol(second, "Second Reader");

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", first).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "borrowed");

        browser.type("desk:memberNumber", second).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "available");
        assertThat(browser.messages()).contains("No copy of \"The Last Copy\"")
                .contains("every copy is out");
        assertThat(browser.find("desk:memberNumber").getAttribute("value")).isEqualTo(second);
        assertThat(browser.find("desk:isbn").getAttribute("value")).isEqualTo(isbn);
        browser.screenshot("desk-refused");

        browser.type("desk:memberNumber", first).click("desk:borrow").waitForText(By.id("messages"), "already holds");
        assertThat(browser.messages()).contains("Member " + first + " already holds a copy of");
    }

    @Test
    void aDeactivatedMemberIsRefusedAtTheDesk() {
        String isbn = createBook("The Closed Card", 3);
        String number = TestData.memberNumber();
        long id = enrol(number, "Lapsed Reader");

        browser.click("actions:deactivate").confirm().waitForText(By.id("member-status"), "inactive");
        assertThat(browser.messages()).contains("Lapsed Reader can no longer borrow");
        assertThat(browser.idInUrl()).isEqualTo(id);

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", number).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "not active");
        assertThat(browser.messages()).contains("Member " + number + " is not active and cannot borrow");
    }

    @Test
    void aHoldPlacedAtTheDeskGetsTheReturnedCopySetAsideAndARenewalShowsTheNewDueDate() {
        String isbn = createBook("The Waiting List", 1);
        long bookId = browser.idInUrl();
        String first = TestData.memberNumber();
        String second = TestData.memberNumber();
        enrol(first, "Early Reader");
        long secondId = enrol(second, "Patient Reader");

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", first).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "borrowed");
        browser.type("desk:memberNumber", second).type("desk:isbn", isbn).click("desk:hold")
                .waitForText(By.id("messages"), "placed a hold");
        assertThat(browser.messages())
                .contains("Patient Reader (" + second + ") placed a hold on “The Waiting List”: number 1 in the queue.");

        browser.open("book.xhtml?id=" + bookId).waitForPage();
        assertThat(browser.text("queue")).contains("1.").contains("Patient Reader").contains(second);

        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", first).type("desk:isbn", isbn).click("desk:return")
                .waitForText(By.id("messages"), "returned");

        browser.open("book.xhtml?id=" + bookId).waitForPage();
        assertThat(browser.text("on-hold")).isEqualTo("1");
        assertThat(browser.text("available")).isEqualTo("0");
        assertThat(browser.text("queue")).contains("Nobody is waiting");
        browser.screenshot("book-set-aside");

        browser.open("member.xhtml?id=" + secondId).waitForPage();
        assertThat(browser.text("holds")).contains("The Waiting List").contains("ready");
        browser.screenshotWhole("member-holds", 1280);

        // the second member picks up the copy set aside for them, then renews it at the desk
        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", second).type("desk:isbn", isbn).click("desk:borrow")
                .waitForText(By.id("messages"), "borrowed");
        browser.type("desk:memberNumber", second).type("desk:isbn", isbn).click("desk:renew")
                .waitForText(By.id("messages"), "renewed");
        String newDueOn = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)
                .format(LocalDate.now().plusDays(2 * 21)); // borrowed today for 21 days, renewed for 21 more
        assertThat(browser.messages()).contains("Patient Reader (" + second + ") renewed “The Waiting List”. Due back on "
                + newDueOn + " (renewal 1 of 2).");

        browser.open("member.xhtml?id=" + secondId).waitForPage();
        assertThat(browser.text("held")).contains("The Waiting List").contains("renewed 1 of 2 times");
        assertThat(browser.text("holds")).contains("fulfilled");
        browser.screenshotWhole("member-renewed", 1280);
    }

    @Test
    void editALibrariansProfile() {
        browser.open("librarians.xhtml").waitForPage();
        assertThat(browser.text("list:librarians_data")).contains("E1001").contains("E1002");
        browser.driver().findElement(By.xpath("//tr[td[contains(normalize-space(),'E1001')]]//a")).click();
        browser.waitForUrl("librarian.xhtml?id=");
        assertThat(browser.text("employee-number")).isEqualTo("E1001");

        String office = "Room " + TestData.memberNumber().substring(1, 4);
        browser.type("profile:office", office).type("profile:phone", "+44 20 7946 0000")
                .type("profile:bio", "Looks after the reading room.\nAsk about local history.")
                .click("profile:save").waitForText(By.id("messages"), "was saved");

        assertThat(browser.text("shown-office")).isEqualTo(office);
        assertThat(browser.text("shown-phone")).isEqualTo("+44 20 7946 0000");
        assertThat(browser.text("shown-bio")).contains("Looks after the reading room.");
        assertThat(browser.find("profile:office").getAttribute("value")).isEqualTo(office);
        browser.screenshot("librarian");

        // the profile's limits are the service's: shown beside the phone field
        browser.type("profile:phone", "call me maybe").click("profile:save");
        assertThat(browser.messageBeside("profile:phone").getText()).contains("digits");
        browser.open(browser.driver().getCurrentUrl().replaceAll(".*/library/", "")).waitForPage();
        assertThat(browser.text("shown-phone")).isEqualTo("+44 20 7946 0000");
    }

    @Test
    void aTimedOutSessionLeadsToTheLoginFormAndBackToTheDesk() {
        browser.open("desk.xhtml").waitForPage();
        browser.type("desk:memberNumber", "M000101").type("desk:isbn", "9780141439518");
        browser.driver().manage().deleteAllCookies(); // as if the session had timed out

        browser.click("desk:borrow").waitForUrl("login.xhtml");

        String shown = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(shown).contains("Log in").doesNotContain("Exception").doesNotContain("at org.");
        browser.type("login:username", TestData.ADMIN).type("login:password", TestData.ADMIN_PASSWORD)
                .click("login:submit").waitForUrl("desk.xhtml");
        assertThat(browser.find("desk:borrow").isDisplayed()).isTrue();
    }

    // ---- set-up through the pages themselves ------------------------------------------------

    /** Adds a book by Jane Austen with a fresh ISBN; returns the ISBN. */
    private String createBook(String title, int copies) {
        String isbn = TestData.isbn();
        browser.open("book-edit.xhtml").waitForPage();
        browser.pick("book:authorId", "Austen", "Jane Austen")
                .type("book:isbn", isbn).type("book:title", title).type("book:copies", String.valueOf(copies))
                .click("book:save").waitForUrl("book.xhtml?id=");
        return isbn;
    }

    /** Enrols a member; ends on their page and returns their id. */
    private long enrol(String number, String name) {
        browser.open("member-edit.xhtml").waitForPage();
        browser.type("member:memberNumber", number).type("member:name", name)
                .type("member:email", TestData.email(name.replace(' ', '.')))
                .click("member:save").waitForUrl("member.xhtml?id=");
        return browser.idInUrl();
    }
}
