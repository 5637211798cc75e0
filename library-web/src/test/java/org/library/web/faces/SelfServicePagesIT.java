package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * A member serving themselves in a real headless Chromium: a hold placed from the book's page with
 * their place in line, and cancelled on "My loans"; one loan renewed, then all of them, one refused
 * with its reason beside the others renewed; their own e-mail address changed on "My account",
 * refused beside the field when it is none or another's; and nothing of another member's. Records
 * are set up over REST, as the admin.
 */
class SelfServicePagesIT extends LibraryDeploymentTest {

    private static final String PASSWORD = "Reading-Room-4711";

    @RegisterExtension
    static final Browser browser = new Browser();

    ApiClient api;

    @BeforeEach
    void anonymousVisitor() {
        api = new ApiClient(base);
        browser.anonymous();
    }

    @Test
    void aMemberPlacesAHoldFromTheBookPageSeesTheirPlaceInLineAndCancelsIt() {
        Reader reader = reader("Hopeful Reader");
        long holder = api.member(TestData.memberNumber(), "Copy Holder");
        long ahead = api.member(TestData.memberNumber(), "Early Reader");
        long author = api.author("Hold Pages " + TestData.isbn().substring(7));
        long out = api.book(author, TestData.isbn(), 1);
        long onShelf = api.book(author, TestData.isbn(), 1);
        long borrowed = api.book(author, TestData.isbn(), 1);
        api.post("/members/" + holder + "/borrows", Map.of("bookId", out)).statusCode(201);
        api.post("/members/" + ahead + "/holds", Map.of("bookId", out)).statusCode(201);
        api.post("/members/" + reader.id + "/borrows", Map.of("bookId", borrowed)).statusCode(201);

        browser.logIn(reader.username, PASSWORD);
        browser.open("book.xhtml?id=" + onShelf).waitForPage();
        assertThat(browser.has("member-actions:place-hold")).as("a copy is on the shelf: borrow it").isFalse();
        browser.open("book.xhtml?id=" + borrowed).waitForPage();
        assertThat(browser.has("member-actions:place-hold")).as("they have it").isFalse();
        assertThat(browser.text("my-hold")).contains("You have borrowed it");

        browser.open("book.xhtml?id=" + out).waitForPage();
        browser.click("member-actions:place-hold").waitForText(By.id("messages"), "You are number 2 in the queue");
        assertThat(browser.text("my-hold")).contains("you are number 2 in the queue");
        assertThat(browser.has("member-actions:place-hold")).as("reserved already").isFalse();
        browser.screenshot("self-book-hold");
        api.request().get("/members/{id}/holds", reader.id).then().statusCode(200)
                .body("size()", is(1)).body("[0].status", is("WAITING")).body("[0].queuePosition", is(2));

        browser.click("nav-my-loans").waitForUrl("member.xhtml?id=" + reader.id);
        assertThat(browser.text("holds")).contains("number 2 in the queue");
        browser.click("hold-actions:table:0:cancel").waitForText(By.id("messages"), "was cancelled");
        api.request().get("/members/{id}/holds", reader.id).then().body("[0].status", is("CANCELLED"));
        browser.open("book.xhtml?id=" + out).waitForPage();
        assertThat(browser.has("member-actions:place-hold")).as("offered again once cancelled").isTrue();
        assertThat(browser.has("my-hold")).isFalse();

        // the copy came back while the page was open: the service refuses, the page says why
        api.request().delete("/members/{id}/borrows/{bookId}", holder, out).then().statusCode(204);
        api.request().delete("/members/{id}/holds/{holdId}", ahead,
                ((Number) api.request().get("/members/{id}/holds", ahead).then().extract().path("[0].id")).longValue())
                .then().statusCode(204);
        browser.click("member-actions:place-hold").waitForText(By.id("messages"), "is on the shelf; borrow it instead");
        api.request().get("/members/{id}/holds", reader.id).then().body("size()", is(1));
    }

    @Test
    void aMemberRenewsOneLoanThenAllWithTheRefusedOneSayingWhy() {
        Reader reader = reader("Renewing Reader");
        long waiting = api.member(TestData.memberNumber(), "Waiting Reader");
        long author = api.author("Renew Pages " + TestData.isbn().substring(7));
        String first = TestData.isbn();
        String wanted = TestData.isbn();
        String third = TestData.isbn();
        long firstId = api.book(author, first, 1);
        long wantedId = api.book(author, wanted, 1);
        long thirdId = api.book(author, third, 1);
        long readyId = api.book(author, TestData.isbn(), 1);
        for (long book : new long[] {firstId, wantedId, thirdId}) {
            api.post("/members/" + reader.id + "/borrows", Map.of("bookId", book)).statusCode(201);
        }
        api.post("/members/" + waiting + "/holds", Map.of("bookId", wantedId)).statusCode(201);
        // and a copy set aside for the reader: its pickup deadline is on "My loans"
        api.post("/members/" + waiting + "/borrows", Map.of("bookId", readyId)).statusCode(201);
        api.post("/members/" + reader.id + "/holds", Map.of("bookId", readyId)).statusCode(201);
        api.request().delete("/members/{id}/borrows/{bookId}", waiting, readyId).then().statusCode(204);

        browser.logIn(reader.username, PASSWORD);
        browser.click("nav-my-loans").waitForUrl("member.xhtml?id=" + reader.id);
        assertThat(browser.columnTexts("#held .due")).hasSize(3);
        assertThat(browser.text("holds")).contains("ready");
        assertThat(browser.columnTexts("#holds .pickup-by")).hasSize(1).allMatch(day -> !day.isBlank());

        browser.click(renewButton(first)).waitForText(By.id("messages"), "“Book " + first + "” was renewed: due back on");

        browser.click("loans:renew-all")
                .waitForText(By.id("messages"), "Renew all: 2 of 3 loans renewed; why not the other is said beside it.");
        assertThat(renewalAnswer(first)).startsWith("Renewed until ");
        assertThat(renewalAnswer(third)).startsWith("Renewed until ");
        assertThat(renewalAnswer(wanted)).isEqualTo("Not renewed: another member has reserved \"Book " + wanted + "\".");
        // the date said is the loan's new due date, shown beside it
        assertThat(renewalAnswer(third)).isEqualTo("Renewed until " + heldText(third).replaceAll("(?s).*Due ([^·]+?) ·.*", "$1") + ".");
        browser.screenshotWhole("self-my-loans", 1280);

        api.request().get("/members/{id}/loans", reader.id).then().statusCode(200)
                .body("find { it.book.id == " + firstId + " }.renewals", is(2))
                .body("find { it.book.id == " + wantedId + " }.renewals", is(0))
                .body("find { it.book.id == " + thirdId + " }.renewals", is(1));
    }

    @Test
    void aMemberChangesTheirOwnEmailAddressAndIsToldBesideTheFieldWhatIsWrong() {
        Reader reader = reader("Moving Reader");
        long other = api.member(TestData.memberNumber(), "Neighbour Reader");
        String taken = api.request().get("/members/{id}", other).then().extract().path("email");
        String fresh = TestData.email("Moved Reader");

        browser.logIn(reader.username, PASSWORD);
        browser.click("logout:account-link").waitForUrl("account.xhtml");
        assertThat(browser.find("change-email:email").getAttribute("value")).endsWith("@it.example.org");

        browser.type("change-email:email", "not an address").click("change-email:save-email");
        assertThat(browser.messageBeside("change-email:email").getText()).contains("must be a well-formed email address");

        browser.type("change-email:email", taken).click("change-email:save-email");
        // the same field's message again, once the answer replaced the one before
        browser.waitFor(d -> browser.messageBeside("change-email:email").getText().contains("already in use by another account"));
        assertThat(browser.messageBeside("change-email:email").getText())
                .isEqualTo("The e-mail address " + taken + " is already in use by another account.");
        browser.screenshot("self-account");
        api.request().get("/members/{id}", reader.id).then().body("email", org.hamcrest.Matchers.not(is(taken)));

        browser.type("change-email:email", fresh.toUpperCase(Locale.ROOT)).click("change-email:save-email")
                .waitForText(By.id("messages"), "Your e-mail address is now " + fresh);
        assertThat(browser.find("change-email:email").getAttribute("value")).isEqualTo(fresh);
        api.request().get("/members/{id}", reader.id).then().body("email", is(fresh));
        api.request().get("/members/{id}", other).then().body("email", is(taken));
    }

    @Test
    void aMemberCannotActForAnotherMember() throws Exception {
        Reader reader = reader("Nosy Reader");
        long other = api.member(TestData.memberNumber(), "Private Reader");
        long author = api.author("Private " + TestData.isbn().substring(7));
        long book = api.book(author, TestData.isbn(), 1);
        api.post("/members/" + other + "/borrows", Map.of("bookId", book)).statusCode(201);

        // anonymous and staff get no "Place hold": it is a member's own
        browser.open("book.xhtml?id=" + book).waitForPage();
        assertThat(browser.has("member-actions:place-hold")).isFalse();

        browser.logIn(reader.username, PASSWORD);
        browser.open("member.xhtml?id=" + other).waitForPage();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.has("loans:renew-all")).isFalse();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Private Reader");
        assertThat(statusWithBrowserSession("member.xhtml?id=" + other)).isEqualTo(403);
        assertThat(statusWithBrowserSession("member.xhtml?id=" + reader.id)).isEqualTo(200);
        api.request().get("/members/{id}/loans", other).then().body("[0].renewals", is(0));

        browser.logOut().logInAsStaff();
        browser.open("book.xhtml?id=" + book).waitForPage();
        assertThat(browser.has("member-actions:place-hold")).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** What "Renew all" said beside the loan of the book with this ISBN. */
    private static String renewalAnswer(String isbn) {
        return browser.driver().findElement(By.xpath("//*[@id='held']//li[.//a[text()='Book " + isbn + "']]"
                + "//*[contains(@class,'renewal-answer')]")).getText();
    }

    /** The text of the loan of the book with this ISBN in "Books held now". */
    private static String heldText(String isbn) {
        return browser.driver().findElement(By.xpath("//*[@id='held']//li[.//a[text()='Book " + isbn + "']]")).getText();
    }

    /** The Renew button of the loan of the book with this ISBN (its title is "Book <isbn>"). */
    private static String renewButton(String isbn) {
        return browser.driver().findElement(By.cssSelector("button[title='Renew “Book " + isbn + "”']")).getAttribute("id");
    }

    /** A member with a login account (user name = card number in lower case, {@link #PASSWORD}). */
    private Reader reader(String name) {
        String number = TestData.memberNumber();
        long id = api.member(number, name);
        String username = number.toLowerCase(Locale.ROOT);
        api.post("/members/" + id + "/account", Map.of("username", username, "password", PASSWORD)).statusCode(201);
        return new Reader(id, username);
    }

    private record Reader(long id, String username) {
    }

    /** The HTTP status of a page, asked for with the browser's session (its cookies). */
    private int statusWithBrowserSession(String path) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(base, path).openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Cookie", browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
