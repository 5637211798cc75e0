package org.library.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.it.Deployments;
import org.library.it.TestData;
import org.openqa.selenium.By;

/**
 * The catalogue pages in a real headless Chromium against the deployed application: home, search,
 * the lazy table, book and author pages, their forms (with the services' validation shown beside
 * the fields), deletion with confirmation, and the not-found page.
 */
@ExtendWith(ArquillianExtension.class)
class CataloguePagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library();
    }

    @ArquillianResource
    URL base;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void logInAsStaff() {
        browser.at(base).logInAsStaff();
    }

    @Test
    void homeShowsTheLibrarysFiguresAndSearchesTheCatalogue() {
        browser.open("").waitForPage();

        assertThat(Long.parseLong(browser.find("stat-books").findElement(By.className("stat-value")).getText()))
                .isGreaterThanOrEqualTo(55);
        assertThat(Long.parseLong(browser.find("stat-members").findElement(By.className("stat-value")).getText()))
                .isGreaterThanOrEqualTo(12);
        assertThat(browser.find("stat-out").getText()).contains("copies out on loan");
        assertThat(browser.find("stat-overdue").getText()).contains("overdue loans");
        browser.screenshot("home");

        browser.type("q", "pride").click("search").waitForUrl("catalogue.xhtml?q=pride");

        assertThat(browser.columnTexts("#catalogue\\:books_data .title-link")).contains("Pride and Prejudice");
    }

    @Test
    void searchTheCatalogueAndOpenABook() {
        browser.open("catalogue.xhtml").waitForPage();
        browser.type("q", "Austen").click("search").waitForUrl("q=Austen");

        List<String> titles = browser.columnTexts("#catalogue\\:books_data .title-link");
        assertThat(titles).contains("Pride and Prejudice", "Emma");
        assertThat(browser.text("catalogue:books_data")).contains("Jane Austen").containsPattern("\\d+ of \\d+");
        browser.screenshot("catalogue");
        browser.screenshotAt("catalogue-phone", 390, 844);

        browser.clickLink("Pride and Prejudice").waitForUrl("book.xhtml?id=");

        assertThat(browser.text("book-title")).isEqualTo("Pride and Prejudice");
        assertThat(browser.text("book-author")).isEqualTo("Jane Austen");
        assertThat(browser.text("isbn")).isEqualTo("9780141439518");
        assertThat(Integer.parseInt(browser.text("copies"))).isPositive();
        assertThat(browser.find("borrowers").getText()).startsWith("Borrowed now by");
        browser.screenshot("book");
    }

    @Test
    void theCatalogueTableIsPagedAndSortedByTheService() {
        browser.open("catalogue.xhtml").waitForPage();
        String report = browser.find("catalogue:books_paginator_bottom").findElement(By.className("ui-paginator-current")).getText();
        assertThat(report).startsWith("1–20 of ");
        assertThat(browser.columnTexts("#catalogue\\:books_data > tr")).hasSize(20);

        String firstTitle = browser.columnTexts("#catalogue\\:books_data .title-link").get(0);
        browser.driver().findElement(By.cssSelector("#catalogue\\:books_paginator_bottom .ui-paginator-next")).click();
        browser.waitForText(By.cssSelector("#catalogue\\:books_paginator_bottom .ui-paginator-current"), "21–40 of ");
        assertThat(browser.columnTexts("#catalogue\\:books_data .title-link")).hasSize(20).doesNotContain(firstTitle);

        // sort by title, descending: a second click on the header
        By titleHeader = By.xpath("//th[.//span[text()='Title']]");
        browser.driver().findElement(titleHeader).click();
        browser.waitFor(d -> "ascending".equals(d.findElement(titleHeader).getAttribute("aria-sort")));
        String firstAscending = browser.columnTexts("#catalogue\\:books_data .title-link").get(0);
        browser.driver().findElement(titleHeader).click();
        browser.waitFor(d -> "descending".equals(d.findElement(titleHeader).getAttribute("aria-sort")));
        browser.waitFor(d -> !browser.columnTexts("#catalogue\\:books_data .title-link").get(0).equals(firstAscending));
        List<String> sorted = browser.columnTexts("#catalogue\\:books_data .title-link");
        assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void createAnAuthorAndABookThenDeleteTheBookAfterConfirming() {
        String name = "Test Author " + TestData.isbn().substring(6);
        browser.open("author-edit.xhtml").waitForPage();
        browser.type("author:name", name).type("author:birthYear", "1901").type("author:deathYear", "1977")
                .click("author:save").waitForUrl("author.xhtml?id=");

        assertThat(browser.text("author-name")).isEqualTo(name);
        assertThat(browser.messages()).contains(name + " was added.");
        assertThat(browser.text("books")).contains("No books in the catalogue yet.");

        String isbn = TestData.isbn();
        browser.click("actions:add-book").waitForUrl("book-edit.xhtml?author=");
        assertThat(browser.find("book:authorId_input").getAttribute("value")).isEqualTo(name);
        browser.type("book:isbn", isbn).type("book:title", "A Book of Tests").type("book:publicationYear", "1950")
                .type("book:copies", "2").click("book:save").waitForUrl("book.xhtml?id=");

        assertThat(browser.text("book-title")).isEqualTo("A Book of Tests");
        assertThat(browser.text("book-author")).isEqualTo(name);
        assertThat(browser.text("isbn")).isEqualTo(isbn);
        assertThat(browser.text("copies")).isEqualTo("2");
        assertThat(browser.messages()).contains("“A Book of Tests” was added to the catalogue.");

        browser.click("book-author").waitForUrl("author.xhtml?id=");
        assertThat(browser.text("books")).contains("A Book of Tests").contains("2 of 2 on the shelf");
        browser.screenshot("author");

        browser.clickLink("A Book of Tests").waitForUrl("book.xhtml?id=");
        browser.click("actions:delete").confirm().waitForUrl("catalogue.xhtml");
        assertThat(browser.messages()).contains("“A Book of Tests” was removed from the catalogue.");
        browser.open("catalogue.xhtml?q=" + isbn).waitForPage();
        assertThat(browser.text("catalogue:books_data")).contains("No book matches.");
    }

    @Test
    void aValidationErrorShowsBesideItsField() {
        browser.open("book-edit.xhtml").waitForPage();
        browser.pick("book:authorId", "Austen", "Jane Austen")
                .type("book:isbn", "978-0-00-000000-1") // wrong check digit
                .type("book:title", "Never Saved")
                .type("book:copies", "0")
                .click("book:save")
                .waitFor(d -> !d.findElements(By.cssSelector(".ui-message-error")).isEmpty());

        assertThat(browser.messageBeside("book:isbn").getText()).contains("ISBN");
        assertThat(browser.messageBeside("book:copies").getText()).contains("1");
        assertThat(browser.driver().findElements(By.xpath(
                "//*[@id='book:title']/ancestor::div[contains(@class,'field')][1]//*[contains(@class,'ui-message-error')]")))
                .isEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("book-edit.xhtml");
        assertThat(browser.find("book:title").getAttribute("value")).isEqualTo("Never Saved");
        browser.screenshot("book-form-errors");
    }

    @Test
    void anUnknownBookShowsTheFriendlyNotFoundPage() throws Exception {
        browser.open("book.xhtml?id=987654321").waitForPage();

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.text("problem-detail")).isEqualTo("No book with id 987654321 exists.");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(browser.driver().findElement(By.linkText("Catalogue")).getAttribute("href")).endsWith("/catalogue.xhtml");

        HttpURLConnection connection = (HttpURLConnection) new URL(base, "book.xhtml?id=987654321").openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(404);
        HttpURLConnection malformed = (HttpURLConnection) new URL(base, "book.xhtml?id=abc").openConnection();
        assertThat(malformed.getResponseCode()).isEqualTo(404);
    }
}
