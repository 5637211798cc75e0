package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * The catalogue pages in a real headless Chromium against the deployed application: home, search,
 * the catalogue's and the authors' tables (paged and sorted by links), book and author pages, their
 * forms (with the services' validation shown beside the fields), deletion with confirmation (and
 * its refusal when the record changed since it was shown), and the not-found page.
 */
class CataloguePagesIT extends LibraryDeploymentTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void logInAsStaff() {
        browser.logInAsStaff();
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

        assertThat(titles()).contains("Pride and Prejudice");
    }

    @Test
    void searchTheCatalogueAndOpenABook() {
        browser.open("catalogue.xhtml").waitForPage();
        browser.type("q", "Austen").click("search").waitForUrl("q=Austen");

        assertThat(titles()).contains("Pride and Prejudice", "Emma");
        assertThat(browser.text("books")).contains("Jane Austen").containsPattern("\\d+ of \\d+");
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
        assertThat(browser.text("page-report")).startsWith("1–20 of ");
        assertThat(browser.columnTexts("#books tbody tr")).hasSize(20);

        String firstTitle = titles().get(0);
        browser.click("page-next").waitForUrl("page=2");
        assertThat(browser.text("page-report")).startsWith("21–40 of ");
        assertThat(titles()).hasSize(20).doesNotContain(firstTitle);
        assertThat(browser.find("pager").findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("2");

        // by title, the default order: its header sorts it descending, from the first page, then ascending again
        assertThat(ariaSort("title")).isEqualTo("ascending");
        browser.click("sort-title").waitForUrl("sort=-title");
        assertThat(ariaSort("title")).isEqualTo("descending");
        assertThat(browser.text("page-report")).startsWith("1–20 of ");
        List<String> descending = titles();
        assertThat(descending).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder());
        browser.click("sort-title").waitFor(d -> !d.getCurrentUrl().contains("sort=")).waitForPage();
        assertThat(ariaSort("title")).isEqualTo("ascending");
        assertThat(titles()).isSorted().doesNotContain(descending.get(0));

        // by year: the other headers lose their aria-sort; a second click turns the order round
        browser.click("sort-year").waitForUrl("sort=year");
        assertThat(ariaSort("year")).isEqualTo("ascending");
        assertThat(ariaSort("title")).isNull();
        assertThat(years()).isSorted();
        browser.click("sort-year").waitForUrl("sort=-year");
        assertThat(ariaSort("year")).isEqualTo("descending");
        List<Integer> firstPage = years();
        assertThat(firstPage).isSortedAccordingTo(Comparator.reverseOrder());

        // every page, order and size is a URL: a bookmark opens it as it was
        browser.driver().findElement(By.xpath("//*[@id='page-sizes']/a[text()='10']")).click();
        browser.waitForUrl("size=10");
        assertThat(browser.text("page-report")).startsWith("1–10 of ");
        browser.open("catalogue.xhtml?sort=-year&page=2&size=10").waitForPage();
        assertThat(browser.text("page-report")).startsWith("11–20 of ");
        assertThat(ariaSort("year")).isEqualTo("descending");
        assertThat(years()).isSortedAccordingTo(Comparator.reverseOrder()).containsExactlyElementsOf(firstPage.subList(10, 20));

        // a page after the end shows the last one, and says so
        browser.open("catalogue.xhtml?page=9999").waitForPage();
        assertThat(browser.messages()).contains("There is no page 9999");
        assertThat(browser.has("page-next")).isFalse();
        browser.screenshot("catalogue-sorted");
    }

    @Test
    void theAuthorsAreSortedByTheirHeadersToo() {
        browser.open("authors.xhtml").waitForPage();
        assertThat(browser.text("page-report")).startsWith("1–20 of ");
        assertThat(ariaSort("name")).isEqualTo("ascending");
        assertThat(browser.columnTexts("#authors .name-link")).hasSize(20).isSorted();

        browser.click("sort-birthYear").waitForUrl("sort=birthYear");
        assertThat(ariaSort("birthYear")).isEqualTo("ascending");
        assertThat(ariaSort("name")).isNull();
        assertThat(browser.columnTexts("#authors .born").stream().filter(year -> !year.isBlank()).map(Integer::valueOf).toList())
                .isNotEmpty().isSorted();
        assertThat(browser.columnTexts("#authors .book-count")).allMatch(count -> count.matches("\\d+"));
        browser.screenshot("authors");
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
        assertThat(browser.text("no-books")).contains("No book matches.");
    }

    @Test
    void aDeleteOfWhatChangedSinceThePageWasShownIsRefusedThenTheAuthorGoesToo() {
        ApiClient api = new ApiClient(base);
        String name = "Changing Author " + TestData.isbn().substring(7);
        long author = api.author(name);
        String isbn = TestData.isbn();
        long book = api.book(author, isbn, 1);

        browser.open("book.xhtml?id=" + book).waitForPage();
        String etag = api.request().get("/books/{id}", book).header("ETag");
        api.request().header("If-Match", etag)
                .body(Map.of("isbn", isbn, "title", "Renamed Meanwhile", "copies", 1, "authorId", author))
                .put("/books/{id}", book).then().statusCode(200);

        browser.click("actions:delete").confirm().waitForText(By.id("messages"), "was changed by someone else");
        assertThat(browser.driver().getCurrentUrl()).contains("book.xhtml?id=" + book);
        api.request().get("/books/{id}", book).then().statusCode(200);

        // the page shown again has the new version: now the delete goes through
        browser.open("book.xhtml?id=" + book).waitForPage();
        assertThat(browser.text("book-title")).isEqualTo("Renamed Meanwhile");
        browser.click("actions:delete").confirm().waitForUrl("catalogue.xhtml");
        assertThat(browser.messages()).contains("“Renamed Meanwhile” was removed from the catalogue.");
        api.request().get("/books/{id}", book).then().statusCode(404);

        browser.open("author.xhtml?id=" + author).waitForPage();
        browser.click("actions:delete").confirm().waitForUrl("authors.xhtml");
        assertThat(browser.messages()).contains(name + " was removed.");
        api.request().get("/authors/{id}", author).then().statusCode(404);
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

    // ---- helpers ---------------------------------------------------------------------------

    private static List<String> titles() {
        return browser.columnTexts("#books .title-link");
    }

    /** The publication years shown, top to bottom (books without a known year left out). */
    private static List<Integer> years() {
        return browser.columnTexts("#books .year").stream().filter(year -> !year.isBlank()).map(Integer::valueOf).toList();
    }

    /** The aria-sort of the column whose header sorts by {@code property}: ascending, descending or null. */
    private static String ariaSort(String property) {
        return browser.driver().findElement(By.xpath("//th[a[@id='sort-" + property + "']]")).getAttribute("aria-sort");
    }
}
