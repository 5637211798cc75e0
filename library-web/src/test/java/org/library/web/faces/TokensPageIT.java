package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The API tokens page in a real headless Chromium: staff make a token and see its secret once,
 * the secret works on the REST API, the list shows the token's state, and revoking it there
 * ends it at once.
 */
class TokensPageIT extends LibraryDeploymentTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void logInAsStaff() {
        browser.logInAsStaff();
    }

    @Test
    void staffMakeATokenSeeItsSecretOnceAndRevokeIt() {
        String name = "page token " + TestData.memberNumber();
        browser.open("tokens.xhtml").waitForPage();
        assertThat(browser.find("nav-tokens").getAttribute("class")).contains("active");
        assertThat(browser.has("create:secret")).isFalse();

        browser.type("create:name", name);
        scope("circulation").click();
        browser.click("create:make");
        String secret = browser.find("create:secret").getAttribute("value");
        assertThat(secret).matches("lib_[A-Za-z0-9_-]{43}");
        assertThat(browser.messages()).contains("shown only this once");
        assertThat(stateOf(name)).isEqualTo("active");
        browser.screenshot("tokens");

        ApiClient api = new ApiClient(base);
        api.bearer(secret).get("/loans").then().statusCode(200);

        // shown once: the page opened again has no secret, only the token in the list
        browser.open("tokens.xhtml").waitForPage();
        assertThat(browser.has("create:secret")).isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(stateOf(name)).isEqualTo("active");

        rowOf(name).findElement(By.cssSelector("button[id$=':revoke']")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "revoked"));
        assertThat(stateOf(name)).isEqualTo("revoked");
        assertThat(rowOf(name).findElements(By.cssSelector("button[id$=':revoke']"))).isEmpty();
        api.bearer(secret).get("/loans").then().statusCode(401);
    }

    @Test
    void aTokenWithoutScopesIsRefusedBesideTheScopes() {
        browser.open("tokens.xhtml").waitForPage();
        browser.type("create:name", "no scopes " + TestData.memberNumber());
        browser.click("create:make");
        assertThat(browser.messageBeside("create:scopes").getText()).isNotBlank();
        assertThat(browser.has("create:secret")).isFalse();
    }

    private WebElement scope(String scope) {
        return browser.driver().findElement(By.xpath("//table[@id='create:scopes']//label[normalize-space()='" + scope
                + "']/preceding-sibling::input | //*[@id='create:scopes']//input[@value='" + scope + "']"));
    }

    private WebElement rowOf(String name) {
        return browser.find("list:tokens").findElement(By.xpath(".//tr[.//*[normalize-space()='" + name + "']]"));
    }

    private String stateOf(String name) {
        List<WebElement> cells = rowOf(name).findElements(By.cssSelector("[id$=':token-state']"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }
}
