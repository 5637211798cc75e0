package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
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
import org.openqa.selenium.Cookie;

/**
 * The pages seen by each role, in a real headless Chromium: anonymous visitors see the catalogue
 * without any staff action and are sent to the login form for staff pages; a member sees their own
 * loans and holds and nothing of anybody else's; staff open and reset login accounts; passwords
 * are changed on "My account"; logging out ends the session; text from the database is shown as
 * text, never as markup; a post with a forged view state is refused. Records are set up over REST,
 * as the admin, which is faster than through the pages.
 */
class SecurityPagesIT extends LibraryDeploymentTest {

    /** The first password of the accounts these tests open: policy-conforming, no user name in it. */
    private static final String PASSWORD = "Reading-Room-4711";

    private static final String INJECTED_TITLE = "<script>window.injected=1</script><b>bold</b>";

    @RegisterExtension
    static final Browser browser = new Browser();

    ApiClient api;

    @BeforeEach
    void anonymousVisitor() {
        api = new ApiClient(base);
        browser.anonymous();
    }

    @Test
    void anonymousVisitorsSeeTheCatalogueWithoutAnyStaffAction() {
        long authorId = api.author("Public Author " + TestData.isbn().substring(7));
        String isbn = TestData.isbn();
        long bookId = api.book(authorId, isbn, 2);

        browser.open("index.xhtml").waitForPage();
        assertThat(browser.has("login-link")).isTrue();
        assertThat(browser.has("at-the-desk")).isFalse();
        assertThat(browser.find("stat-members").getTagName()).isEqualTo("span"); // a figure, not a link to a staff page
        assertStaffNavigation(false);

        browser.open("catalogue.xhtml?q=" + isbn).waitForPage();
        assertThat(browser.columnTexts("#books .title-link")).containsExactly("Book " + isbn);
        assertThat(browser.has("add-book")).isFalse();

        browser.open("book.xhtml?id=" + bookId).waitForPage();
        assertThat(browser.text("book-title")).isEqualTo("Book " + isbn);
        assertThat(browser.text("copies")).isEqualTo("2");
        assertThat(browser.has("actions:edit")).isFalse();
        assertThat(browser.has("actions:delete")).isFalse();
        assertThat(browser.has("borrowers")).as("who borrowed a book is not public").isFalse();
        assertThat(browser.has("queue")).isFalse();

        browser.open("author.xhtml?id=" + authorId).waitForPage();
        assertThat(browser.text("books")).contains("Book " + isbn);
        assertThat(browser.has("actions:add-book")).isFalse();
        assertThat(browser.has("actions:edit")).isFalse();
        assertThat(browser.has("actions:delete")).isFalse();

        browser.open("authors.xhtml").waitForPage();
        assertThat(browser.has("add-author")).isFalse();
        browser.screenshot("security-anonymous-authors");
        // and nothing of this visit was kept on the server: no session, so no session cookie
        assertThat(browser.driver().manage().getCookies()).extracting(Cookie::getName).noneMatch(n -> n.startsWith("JSESSIONID"));

        // the same pages for staff do have them: the checks above can fail
        browser.logInAsStaff();
        assertThat(browser.driver().manage().getCookies()).extracting(Cookie::getName).contains("JSESSIONID");
        assertStaffNavigation(true);
        browser.open("book.xhtml?id=" + bookId).waitForPage();
        assertThat(browser.has("actions:edit")).isTrue();
        assertThat(browser.has("actions:delete")).isTrue();
        assertThat(browser.has("borrowers")).isTrue();
        browser.open("author.xhtml?id=" + authorId).waitForPage();
        assertThat(browser.has("actions:delete")).isTrue();
        browser.open("catalogue.xhtml").waitForPage();
        assertThat(browser.has("add-book")).isTrue();
        browser.open("index.xhtml").waitForPage();
        assertThat(browser.find("stat-members").getTagName()).isEqualTo("a");
        assertThat(browser.has("at-the-desk")).isTrue();
    }

    @Test
    void aStaffPageLeadsAnonymousVisitorsToTheLoginFormAndBackAfterLoggingIn() {
        browser.open("desk.xhtml").waitForUrl("login.xhtml");
        assertThat(browser.driver().getCurrentUrl()).contains("next=");
        assertThat(browser.has("desk:borrow")).isFalse();
        browser.screenshot("security-login");

        browser.type("login:username", TestData.ADMIN).type("login:password", TestData.ADMIN_PASSWORD)
                .click("login:submit").waitForUrl("desk.xhtml");

        assertThat(browser.find("desk:borrow").isDisplayed()).isTrue();
        assertThat(browser.text("logout:account-link")).isEqualTo(TestData.ADMIN);
    }

    @Test
    void aWrongPasswordStaysOnTheLoginFormAndLoggingOutEndsTheSession() {
        Reader reader = memberWithAccount("Forgetful Reader");

        browser.logIn(reader.username(), PASSWORD + "-not");
        assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
        assertThat(browser.messages()).contains("Wrong user name or password");
        assertThat(browser.has("logout:account-link")).isFalse();
        assertThat(browser.find("login:password").getAttribute("value")).isEmpty();

        browser.logInAsStaff();
        assertThat(browser.text("logout:account-link")).isEqualTo(TestData.ADMIN);
        browser.open("desk.xhtml").waitForPage();
        assertThat(browser.has("desk:borrow")).isTrue();
        List<Cookie> loggedIn = List.copyOf(browser.driver().manage().getCookies());

        browser.logOut();
        assertThat(browser.has("logout:account-link")).isFalse();
        browser.open("desk.xhtml").waitForUrl("login.xhtml");

        // the old session cookie, brought back, is worth nothing: the session ended on the server
        browser.driver().manage().deleteAllCookies();
        loggedIn.forEach(cookie -> browser.driver().manage().addCookie(new Cookie(cookie.getName(), cookie.getValue(), cookie.getPath())));
        browser.open("desk.xhtml").waitForUrl("login.xhtml");
        assertThat(browser.has("desk:borrow")).isFalse();
    }

    @Test
    void aMemberSeesOnlyTheirOwnLoansAndHoldsAndMayCancelTheirHold() throws Exception {
        Reader reader = memberWithAccount("Own Page Reader");
        long other = api.member(TestData.memberNumber(), "Other Reader");
        long authorId = api.author("Hold Author " + TestData.isbn().substring(7));
        long wanted = api.book(authorId, TestData.isbn(), 1);
        long borrowed = api.book(authorId, TestData.isbn(), 1);
        api.post("/members/" + other + "/borrows", Map.of("bookId", wanted)).statusCode(201);
        api.post("/members/" + reader.id() + "/holds", Map.of("bookId", wanted)).statusCode(201);
        api.post("/members/" + reader.id() + "/borrows", Map.of("bookId", borrowed)).statusCode(201);

        browser.logIn(reader.username(), PASSWORD);
        assertThat(browser.text("logout:account-link")).isEqualTo(reader.username());
        assertStaffNavigation(false);
        assertThat(browser.has("nav-my-loans")).isTrue();

        browser.click("nav-my-loans").waitForUrl("member.xhtml?id=" + reader.id());
        assertThat(browser.text("member-number")).isEqualTo(reader.number());
        assertThat(browser.text("held")).contains("Books held now (1)");
        assertThat(browser.text("holds")).contains("waiting");
        for (String staffOnly : List.of("actions:edit", "actions:deactivate", "actions:reactivate", "login-account")) {
            assertThat(browser.has(staffOnly)).as(staffOnly).isFalse();
        }
        assertThat(browser.has("hold-actions:table:0:cancel")).isTrue();
        assertThat(browser.has("loans:loan:0:renew")).as("a member renews their own loans (SelfServicePagesIT)").isTrue();
        browser.screenshotWhole("security-member-own-page", 1280);

        browser.click("hold-actions:table:0:cancel").waitForText(By.id("messages"), "was cancelled");
        assertThat(browser.text("holds")).contains("cancelled");
        api.request().get("/members/" + reader.id() + "/holds").then().statusCode(200).body("[0].status", equalTo("CANCELLED"));

        browser.open("member.xhtml?id=" + other).waitForPage();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.text("problem-detail")).contains("only your own loans and holds");
        assertThat(body()).doesNotContain("Other Reader").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(statusWithBrowserSession("member.xhtml?id=" + other)).isEqualTo(403);
        assertThat(statusWithBrowserSession("member.xhtml?id=" + reader.id())).isEqualTo(200);
        browser.screenshot("security-member-forbidden");

        browser.open("desk.xhtml").waitForPage();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.has("desk:borrow")).isFalse();
        assertThat(statusWithBrowserSession("desk.xhtml")).isEqualTo(403);

        // staff, on the same page, do get the buttons the member did not (the checks above can fail)
        browser.logOut().logInAsStaff();
        browser.open("member.xhtml?id=" + reader.id()).waitForPage();
        for (String staffOnly : List.of("actions:edit", "actions:deactivate", "loans:loan:0:renew", "login-account")) {
            assertThat(browser.has(staffOnly)).as(staffOnly).isTrue();
        }
        assertThat(browser.text("account-username")).isEqualTo(reader.username());
    }

    @Test
    void changingOnesOwnPasswordOnMyAccount() {
        Reader reader = memberWithAccount("Careful Reader");
        String newPassword = "Quiet-Stacks-2468";

        browser.logIn(reader.username(), PASSWORD);
        browser.click("logout:account-link").waitForUrl("account.xhtml");
        assertThat(browser.text("account-username")).isEqualTo(reader.username());
        assertThat(browser.text("account-role")).isEqualTo("Member");
        assertThat(browser.find("my-loans").getAttribute("href")).endsWith("member.xhtml?id=" + reader.id());

        // typed twice differently: a Faces validation message beside the repeat field
        browser.type("change-password:currentPassword", PASSWORD).type("change-password:newPassword", newPassword)
                .type("change-password:repeatPassword", newPassword + "!").click("change-password:change");
        assertThat(browser.messageBeside("change-password:repeatPassword").getText()).contains("does not match");

        // a wrong current password: the service's message beside that field
        browser.type("change-password:currentPassword", "Not-My-Password-1").type("change-password:newPassword", newPassword)
                .type("change-password:repeatPassword", newPassword).click("change-password:change");
        assertThat(browser.messageBeside("change-password:currentPassword").getText()).contains("is not your current password");

        // a new password the policy refuses: beside the new password
        browser.type("change-password:currentPassword", PASSWORD).type("change-password:newPassword", "short")
                .type("change-password:repeatPassword", "short").click("change-password:change");
        assertThat(browser.messageBeside("change-password:newPassword").getText()).contains("characters");
        browser.screenshot("security-account-errors");

        browser.type("change-password:currentPassword", PASSWORD).type("change-password:newPassword", newPassword)
                .type("change-password:repeatPassword", newPassword).click("change-password:change")
                .waitForText(By.id("messages"), "Your password was changed");
        assertThat(browser.driver().getCurrentUrl()).contains("account.xhtml");

        browser.logOut();
        browser.logIn(reader.username(), newPassword);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("login.xhtml");
        assertThat(browser.text("logout:account-link")).isEqualTo(reader.username());
        browser.logOut();

        browser.logIn(reader.username(), PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
        assertThat(browser.messages()).contains("Wrong user name or password");
        api.as(reader.username(), newPassword).get("/me").then().statusCode(200).body("username", equalTo(reader.username()));
        api.as(reader.username(), PASSWORD).get("/me").then().statusCode(401);
    }

    @Test
    void staffOpenAMembersLoginAccountAndSetANewPassword() {
        String number = TestData.memberNumber();
        long id = api.member(number, "New Card Holder");
        String username = number.toLowerCase(Locale.ROOT);

        browser.logInAsStaff();
        browser.open("member.xhtml?id=" + id).waitForPage();
        assertThat(browser.find("login-account:username").getAttribute("value")).isEqualTo(username);

        // two refusals in a row: each shows its message beside its field
        browser.type("login-account:password", "short").click("login-account:open");
        assertThat(browser.messageBeside("login-account:password").getText()).contains("characters");
        browser.type("login-account:username", "no spaces allowed").type("login-account:password", PASSWORD)
                .click("login-account:open");
        assertThat(browser.messageBeside("login-account:username").getText()).contains("letters, digits");

        browser.type("login-account:username", username).type("login-account:password", PASSWORD)
                .click("login-account:open").waitForText(By.id("messages"), "can now log in");
        assertThat(browser.text("account-username")).isEqualTo(username);
        assertThat(browser.text("account-failures")).isEqualTo("0");
        assertThat(browser.text("account-locked")).isEqualTo("not locked");

        browser.type("login-account:newPassword", username + "-secret").click("login-account:reset");
        assertThat(browser.messageBeside("login-account:newPassword").getText()).contains("user name");
        String reset = "Fresh-Start-97531";
        browser.type("login-account:newPassword", reset).click("login-account:reset")
                .waitForText(By.id("messages"), "has a new password");
        browser.screenshotWhole("security-login-account", 1280);

        browser.logOut();
        browser.logIn(username, reset);
        assertThat(browser.text("logout:account-link")).isEqualTo(username);
    }

    @Test
    void markupInATitleIsShownAsTextAndNeverRuns() {
        long authorId = api.author("Markup Author " + TestData.isbn().substring(7));
        String isbn = TestData.isbn();
        long bookId = api.create("/books", Map.of("isbn", isbn, "title", INJECTED_TITLE, "copies", 1, "authorId", authorId));

        browser.open("book.xhtml?id=" + bookId).waitForPage();
        assertThat(browser.text("book-title")).isEqualTo(INJECTED_TITLE);
        assertThat(browser.driver().getTitle()).startsWith(INJECTED_TITLE);
        assertNothingInjected();

        browser.open("catalogue.xhtml?q=" + isbn).waitForPage();
        assertThat(browser.columnTexts("#books .title-link")).containsExactly(INJECTED_TITLE);
        assertNothingInjected();

        browser.open("author.xhtml?id=" + authorId).waitForPage();
        assertThat(browser.text("books")).contains(INJECTED_TITLE);
        assertNothingInjected();

        // staff also get the title in the delete confirmation
        browser.logInAsStaff();
        browser.open("book.xhtml?id=" + bookId).waitForPage();
        browser.click("actions:delete").waitFor(d -> d.findElement(By.id("confirm-no")).isDisplayed());
        assertThat(body()).contains("“" + INJECTED_TITLE + "” and its past loans");
        assertNothingInjected();
        browser.screenshot("security-markup-as-text");
        browser.click("confirm-no");
    }

    @Test
    void aPostWithAForgedViewStateIsRefused() {
        String number = TestData.memberNumber();
        browser.logInAsStaff();
        browser.open("member-edit.xhtml").waitForPage();
        browser.type("member:memberNumber", number).type("member:name", "Forged Enrolment")
                .type("member:email", TestData.email("Forged Enrolment"));
        Object replaced = browser.driver().executeScript(
                "const states = document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]');"
                        + "states.forEach(s => s.value = '-4242424242424242424:-1234567890123456789');"
                        + "return states.length;");
        assertThat(((Number) replaced).intValue()).isPositive();

        browser.click("member:save").waitFor(d -> browser.has("expired") || browser.has("error"));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isIn("This page has expired", "Something went wrong");
        assertThat(body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("is now a member");
        browser.screenshot("security-forged-view-state");
        api.request().queryParam("q", number).get("/members").then().statusCode(200).body("total", equalTo(0));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A member with a login account (user name = card number in lower case, {@link #PASSWORD}). */
    private Reader memberWithAccount(String name) {
        String number = TestData.memberNumber();
        long id = api.member(number, name);
        String username = number.toLowerCase(Locale.ROOT);
        api.post("/members/" + id + "/account", Map.of("username", username, "password", PASSWORD)).statusCode(201);
        return new Reader(id, number, username);
    }

    private record Reader(long id, String number, String username) {
    }

    private static void assertStaffNavigation(boolean shown) {
        for (String id : List.of("nav-members", "nav-desk", "nav-librarians")) {
            assertThat(browser.has(id)).as(id).isEqualTo(shown);
        }
    }

    private static void assertNothingInjected() {
        assertThat(browser.driver().executeScript("return typeof window.injected")).isEqualTo("undefined");
        assertThat(browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('b')).filter(b => b.textContent.includes('bold')).length"))
                .isEqualTo(0L);
        assertThat(browser.driver().executeScript(
                "return Array.from(document.scripts).filter(s => s.textContent.trim() === 'window.injected=1').length"))
                .isEqualTo(0L);
    }

    private static String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
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
