package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;
import org.openqa.selenium.By;

/**
 * The import page in a real headless Chromium: a CSV file chosen in the browser is uploaded,
 * imported in the background, and its report — counts and the refused rows with their lines —
 * appears on the page; a file that cannot be imported says why.
 */
class ImportPageIT extends LibraryDeploymentTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void logInAsStaff() {
        browser.logInAsStaff();
    }

    @Test
    void anUploadedFileIsImportedAndItsReportShowsTheRefusedRowsWithTheirLines() throws IOException {
        String kept = TestData.isbn();
        Path file = csv("books-", "isbn,title,publication_year,copies,author,author_birth_year\n"
                + kept + ",Uploaded in the Browser,2001,2,Page Author,1950\n"
                + TestData.isbn() + ",Second Upload,2002,1,Page Author,1950\n"
                + "12345,Bad Isbn,2003,1,Page Author,1950\n"
                + TestData.isbn() + ",No Copies,2004,0,Page Author,1950\n"
                + TestData.isbn() + ",Third Upload,,5,Page Author,1950\n");

        browser.open("import.xhtml").waitForPage();
        assertThat(browser.find("nav-import").getAttribute("class")).contains("active");
        upload(file);
        browser.waitForText(By.id("progress:status"), "Import finished");

        assertThat(browser.text("rows-read")).isEqualTo("5");
        assertThat(browser.text("created")).isEqualTo("3");
        assertThat(browser.text("rejected")).isEqualTo("2");
        assertThat(browser.columnTexts("#progress\\:errors_data tr td:first-child")).containsExactly("4", "5");
        assertThat(browser.text("progress:errors")).contains("isbn: must be a valid ISBN-10 or ISBN-13")
                .contains("copies: must be greater than or equal to 1");
        browser.screenshot("import");

        browser.open("catalogue.xhtml?q=" + kept).waitForPage();
        assertThat(browser.driver().getPageSource()).contains("Uploaded in the Browser");
    }

    @Test
    void aMembersFileWithoutTheRequiredColumnsIsRefusedWithTheReason() throws IOException {
        Path file = csv("members-", "member_number,name\n" + TestData.memberNumber() + ",No Address\n");

        browser.open("import.xhtml").waitForPage();
        browser.driver().findElement(By.xpath("//*[@id='upload:kind']//*[normalize-space()='Members']")).click();
        browser.waitForText(By.id("upload:columns"), "member_number,name,email");
        upload(file);
        browser.waitForText(By.id("progress:status"), "Import stopped");

        assertThat(browser.text("progress:failure")).contains("lacks the column(s) email");
        assertThat(browser.text("created")).isEqualTo("0");
    }

    private void upload(Path file) {
        browser.driver().findElement(By.cssSelector("#upload input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    }

    private static Path csv(String prefix, String content) throws IOException {
        Files.createDirectories(Path.of("target"));
        Path file = Files.createTempFile(Path.of("target"), prefix, ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
