package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.library.testing.WebhookReceiver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The webhooks page in a real headless Chromium, with a receiver on loopback in the test's JVM:
 * staff register an endpoint and see its secret once, send it a test event that arrives signed
 * with that secret and shows in the endpoint's latest attempts, disable it (the reason shown) and
 * enable it, and delete it; a URL that is no http(s) URL is refused beside the field.
 */
class WebhooksPageIT extends LibraryDeploymentTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private WebhookReceiver receiver;

    @BeforeEach
    void logInAsStaff() throws IOException {
        browser.logInAsStaff();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop();
    }

    @Test
    void staffRegisterAnEndpointSendItATestEventDisableEnableAndDeleteIt() throws InterruptedException {
        String url = receiver.url() + "?page=" + TestData.memberNumber();
        browser.open("webhooks.xhtml").waitForPage();
        assertThat(browser.find("nav-webhooks").getAttribute("class")).contains("active");
        assertThat(browser.has("create:secret")).isFalse();

        browser.type("create:url", url);
        browser.type("create:eventTypes", "book.created, loan.*");
        browser.click("create:register");
        String secret = browser.find("create:secret").getAttribute("value");
        assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(browser.messages()).contains("shown only this once");
        receiver.secret = secret;
        assertThat(stateOf(url)).isEqualTo("active");
        assertThat(rowOf(url).getText()).contains("book.created loan.*", "none yet");

        button(url, "test").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "on its way"));
        for (int i = 0; i < 300 && receiver.taken().isEmpty(); i++) {
            Thread.sleep(100); // the sender's rounds come every second
        }
        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.signed()).as("signed with the secret the page showed").isTrue();
            assertThat(request.raw()).contains("\"type\":\"webhook.test\"");
        });
        // the attempt is recorded once the receiver's answer is back: the page opened again until it shows it
        for (int i = 0; i < 50; i++) {
            browser.open("webhooks.xhtml").waitForPage();
            if (rowOf(url).getText().contains("HTTP 200")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(rowOf(url).getText()).contains("webhook.test", "HTTP 200");
        browser.screenshot("webhooks");

        button(url, "disable").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is disabled"));
        browser.waitFor(d -> stateOf(url).equals("disabled")); // the table's update may land after the messages'
        assertThat(stateOf(url)).isEqualTo("disabled");
        assertThat(rowOf(url).getText()).contains("disabled by " + TestData.ADMIN);

        button(url, "enable").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is enabled"));
        browser.waitFor(d -> stateOf(url).equals("active"));
        assertThat(rowOf(url).getText()).doesNotContain("disabled by");

        button(url, "delete").click();
        browser.confirm();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is deleted"));
        assertThat(browser.find("list:endpoints").findElements(By.xpath(".//tr[.//*[normalize-space()='" + url + "']]"))).isEmpty();
    }

    @Test
    void aUrlThatIsNoHttpUrlIsRefusedBesideTheField() {
        browser.open("webhooks.xhtml").waitForPage();
        browser.type("create:url", "ftp://files.example.org/in");
        browser.click("create:register");
        assertThat(browser.messageBeside("create:url").getText()).contains("http or https");
        assertThat(browser.has("create:secret")).isFalse();
    }

    private WebElement rowOf(String url) {
        return browser.find("list:endpoints").findElement(By.xpath(".//tr[.//*[normalize-space()='" + url + "']]"));
    }

    private WebElement button(String url, String id) {
        return rowOf(url).findElement(By.cssSelector("button[id$=':" + id + "']"));
    }

    /** The state the endpoint's row shows; empty while the row is being replaced. */
    private String stateOf(String url) {
        try {
            List<WebElement> cells = rowOf(url).findElements(By.cssSelector("[id$=':endpoint-state']"));
            return cells.isEmpty() ? "" : cells.get(0).getText();
        } catch (org.openqa.selenium.WebDriverException e) {
            return "";
        }
    }
}
