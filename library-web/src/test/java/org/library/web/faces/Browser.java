package org.library.web.faces;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.library.testing.Chromium;
import org.library.testing.LibraryDeploymentTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromium-driver: both executables are given
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or a driver. Each
 * browser gets a fresh profile under {@code target/}.
 *
 * <p>A JUnit extension: a page test declares {@code @RegisterExtension static final Browser browser
 * = new Browser();}, which starts one browser for the class (after Arquillian deployed the
 * library), points it at the test's deployment before each test, and quits it after the class.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;
    private WebDriverWait wait;
    private LibraryDeploymentTest deployment;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Chromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // ajax updates replace elements
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        deployment = (LibraryDeploymentTest) context.getRequiredTestInstance();
    }

    /** Opens a page of the application the test runs against, e.g. {@code catalogue.xhtml?q=austen}. */
    Browser open(String path) {
        URL base = deployment.base();
        driver.get(base.toString().replaceAll("/$", "") + "/" + path);
        return this;
    }

    /** Logs in through the login form, then waits for the page it leads back to. */
    Browser logIn(String username, String password) {
        open("login.xhtml").waitForPage();
        type("login:username", username);
        type("login:password", password);
        click("login:submit");
        wait.until(d -> !d.getCurrentUrl().contains("login.xhtml") || !d.findElements(By.cssSelector("#messages .ui-messages-error")).isEmpty());
        return waitForPage();
    }

    /** Logs in as the first-start admin, a librarian. */
    Browser logInAsStaff() {
        return logIn(org.library.testing.TestData.ADMIN, org.library.testing.TestData.ADMIN_PASSWORD);
    }

    /** Logs out with the button in the header, then waits for the home page it leads to. */
    Browser logOut() {
        click("logout:logout-button");
        wait.until(d -> !d.findElements(By.id("login-link")).isEmpty());
        return waitForPage();
    }

    /** Forgets the session, as a visitor who has never logged in (no cookies of the application). */
    Browser anonymous() {
        open("index.xhtml").waitForPage();
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Whether the page has an element with this id (rendered), without waiting for one. */
    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return find(id).getText();
    }

    Browser type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    Browser click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return this;
    }

    Browser clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
        return this;
    }

    /** Picks {@code name} in a PrimeFaces autoComplete after typing {@code typed} into it. */
    Browser pick(String id, String typed, String name) {
        type(id + "_input", typed);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@id='" + id + "_panel']//li[@data-item-label='" + name + "']"))).click();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.id(id + "_hinput")), "value"));
        return this;
    }

    /** Confirms PrimeFaces' confirmation dialog. */
    Browser confirm() {
        return click("confirm-yes");
    }

    Browser waitForUrl(String part) {
        wait.until(ExpectedConditions.urlContains(part));
        return waitForPage();
    }

    Browser waitForText(By where, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
        return this;
    }

    Browser waitFor(ExpectedCondition<?> condition) {
        wait.until(condition);
        return this;
    }

    Browser waitForPage() {
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * The page's messages at the top (success or refusal). Read again when the node is replaced
     * under the reader (an ajax update or a re-render finishing just then), instead of failing.
     */
    String messages() {
        return new org.openqa.selenium.support.ui.FluentWait<>(driver)
                .withTimeout(java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElements(By.cssSelector("#messages")).stream().map(WebElement::getText)
                        .findFirst().orElse(""));
    }

    /** The message shown right below the input with client id {@code inputId}, in the same field. */
    WebElement messageBeside(String inputId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@id='" + inputId + "']/ancestor::div[contains(@class,'field')][1]//*[contains(@class,'ui-message-error')]")));
    }

    /** The id from the current URL, e.g. 12 of {@code member.xhtml?id=12}. */
    long idInUrl() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    List<String> columnTexts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    /** Saves a picture of the page under {@code target/screenshots/<name>.png}. */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A full-height picture: the window grows to the page's height for the shot. */
    Browser screenshotWhole(String name, int width) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, Math.min(2400, height.intValue() + 140)));
        screenshot(name);
        driver.manage().window().setSize(before);
        return this;
    }

    /** A picture at another window size (e.g. a phone's 390 x 844), then back. */
    Browser screenshotAt(String name, int width, int height) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        waitForPage();
        screenshot(name);
        driver.manage().window().setSize(before);
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }
}
