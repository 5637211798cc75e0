package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * The e-mail notices on the pages, in a real headless Chromium: a member switches them off on "My
 * account" (and the API then says so); staff read a member's notice log on the member page, the
 * "hold ready" notice made when a copy was set aside for them among it. (The test server's mail
 * goes to a port where no server listens outside NoticesIT: the notice shows as waiting or
 * retrying, with the refusal; NoticesIT proves the sending.)
 */
class NoticePagesIT extends LibraryDeploymentTest {

    private static final String PASSWORD = "notice-pages-passphrase";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aMemberSwitchesTheLibrarysEmailsOffOnMyAccount() {
        ApiClient api = new ApiClient(base);
        String number = TestData.memberNumber();
        long member = api.member(number, "Quiet Reader");
        api.post("/members/" + member + "/account", Map.of("username", number.toLowerCase(), "password", PASSWORD)).statusCode(201);

        browser.anonymous().logIn(number.toLowerCase(), PASSWORD).open("account.xhtml").waitForPage();
        assertThat(browser.find("notices:wanted_input").isSelected()).as("on unless switched off").isTrue();
        browser.find("notices:wanted").findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.click("notices:save-notices").waitForText(By.id("messages"), "will not e-mail you");
        browser.screenshot("notices-account");

        assertThat(browser.find("notices:wanted_input").isSelected()).isFalse();
        api.request().get("/members/{id}/notices/preference", member).then().statusCode(200)
                .body("wanted", org.hamcrest.Matchers.is(false));
        browser.logOut();
    }

    @Test
    void staffReadAMembersNoticeLogOnTheMemberPage() {
        ApiClient api = new ApiClient(base);
        String isbn = TestData.isbn();
        long book = api.book(api.author("Notice " + isbn), isbn, 1);
        long reader = api.member(TestData.memberNumber(), "Reader");
        long waiting = api.member(TestData.memberNumber(), "Waiting Walter");
        api.post("/members/" + reader + "/borrows", Map.of("bookId", book)).statusCode(201);
        api.post("/members/" + waiting + "/holds", Map.of("bookId", book)).statusCode(201);
        api.request().delete("/members/{m}/borrows/{b}", reader, book).then().statusCode(204);

        browser.logInAsStaff().open("member.xhtml?id=" + waiting).waitForPage();

        assertThat(browser.text("notices")).contains("E-mail notices", "The member gets the library’s e-mails.",
                "“Book " + isbn + "” is ready for you", "hold ready");
        browser.screenshotWhole("notices-member", 1280);
    }
}
