package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * What ends a logged-in page session on its very next request, in a real headless Chromium: a
 * password reset by staff, a lock by staff, the account's deletion, and a password change made
 * in another session (the session that made the change carries on). Staff act over REST.
 */
class SessionEndIT extends LibraryDeploymentTest {

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
    void aPasswordResetByStaffEndsTheOpenSession() {
        String user = memberWithAccount("Reset Reader");
        loggedInOnMyAccount(user);

        api.request().body(Map.of("newPassword", "Fresh-Shelves-1357")).put("/accounts/{u}/password", user).then().statusCode(204);

        assertSessionEnded();
    }

    @Test
    void aLockByStaffEndsTheOpenSessionAndRefusesTheLogin() {
        String user = memberWithAccount("Locked Reader");
        loggedInOnMyAccount(user);

        api.request().put("/accounts/{u}/lock", user).then().statusCode(200);

        assertSessionEnded();
        browser.logIn(user, PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
        assertThat(browser.messages()).contains("Wrong user name or password");
    }

    @Test
    void deletingTheAccountsPersonEndsTheOpenSession() {
        String number = TestData.memberNumber();
        long id = api.member(number, "Leaving Reader");
        api.post("/members/" + id + "/account", Map.of("username", number, "password", PASSWORD)).statusCode(201);
        loggedInOnMyAccount(number.toLowerCase());

        api.current("/members/" + id).delete("/members/{id}", id).then().statusCode(204);

        assertSessionEnded();
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        String user = memberWithAccount("Two-Browser Reader");
        loggedInOnMyAccount(user);
        List<Cookie> otherSession = List.copyOf(browser.driver().manage().getCookies());
        browser.driver().manage().deleteAllCookies();
        loggedInOnMyAccount(user);

        String newPassword = "Quiet-Stacks-2468";
        browser.type("change-password:currentPassword", PASSWORD).type("change-password:newPassword", newPassword)
                .type("change-password:repeatPassword", newPassword).click("change-password:change")
                .waitForText(By.id("messages"), "Your password was changed");
        browser.open("account.xhtml").waitForPage();
        assertThat(browser.text("account-username")).as("this session goes on").isEqualTo(user);

        browser.driver().manage().deleteAllCookies();
        otherSession.forEach(c -> browser.driver().manage().addCookie(new Cookie(c.getName(), c.getValue(), c.getPath())));
        assertSessionEnded();
    }

    private String memberWithAccount(String name) {
        String number = TestData.memberNumber();
        long id = api.member(number, name);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", PASSWORD)).statusCode(201);
        return number.toLowerCase();
    }

    private void loggedInOnMyAccount(String user) {
        browser.logIn(user, PASSWORD);
        browser.open("account.xhtml").waitForPage();
        assertThat(browser.text("account-username")).isEqualTo(user);
    }

    /** The next page request of the session leads to the login form, as for someone never logged in. */
    private void assertSessionEnded() {
        browser.open("account.xhtml").waitForUrl("login.xhtml");
        assertThat(browser.has("logout:account-link")).isFalse();
    }
}
