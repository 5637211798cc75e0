package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.library.catalog.Isbn;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.staff.EmployeeNumber;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * The natural keys (ISBN, card number, employee number, a member's e-mail address) are accepted and refused alike at every
 * front door: the REST API, the pages and the CSV import. One table of spellings drives all three;
 * each door must store an accepted spelling in its one normal form and refuse the others beside the
 * field, with the key's own words. (Librarians have no CSV import.)
 */
class NaturalKeyInputsIT extends LibraryDeploymentTest {

    enum Key {
        MEMBER_NUMBER(MemberNumber.FORM), ISBN(Isbn.FORM), EMPLOYEE_NUMBER(EmployeeNumber.FORM), EMAIL(EmailAddress.FORM);

        final String refusal;

        Key(String refusal) {
            this.refusal = refusal;
        }
    }

    /** What is typed, and what must be stored: {@code null} when every door must refuse it. */
    record Typed(String text, String stored) {
    }

    /** One row of the table: a way of writing a key, made fresh for each use (keys are unique). */
    record Spelling(Key key, String how, Supplier<Typed> next) {
        @Override
        public String toString() {
            return key + " " + how;
        }
    }

    static final List<Spelling> TABLE = List.of(
            accepted(Key.MEMBER_NUMBER, "as printed on the card", TestData::memberNumber, n -> n),
            accepted(Key.MEMBER_NUMBER, "in lower case", TestData::memberNumber, String::toLowerCase),
            accepted(Key.MEMBER_NUMBER, "with space around", TestData::memberNumber, n -> "  " + n.toLowerCase() + " "),
            refused(Key.MEMBER_NUMBER, "with five digits", "M12345"),
            refused(Key.MEMBER_NUMBER, "with another letter", "X123456"),
            refused(Key.MEMBER_NUMBER, "with a space inside", "M 123456"),
            refused(Key.MEMBER_NUMBER, "in full-width digits", "M\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16"),

            accepted(Key.ISBN, "as 13 digits", TestData::isbn, i -> i),
            accepted(Key.ISBN, "with hyphens", TestData::isbn,
                    i -> i.substring(0, 3) + "-" + i.charAt(3) + "-" + i.substring(4, 12) + "-" + i.charAt(12)),
            accepted(Key.ISBN, "after \"ISBN \"", TestData::isbn, i -> "ISBN " + i),
            new Spelling(Key.ISBN, "as an ISBN-10", () -> {
                String isbn10 = TestData.isbn10();
                return new Typed(isbn10, isbn13Of(isbn10));
            }),
            new Spelling(Key.ISBN, "with a wrong check digit", () -> {
                String isbn = TestData.isbn();
                return new Typed(isbn.substring(0, 12) + (char) ('0' + (isbn.charAt(12) - '0' + 1) % 10), null);
            }),
            refused(Key.ISBN, "of five digits", "12345"),
            refused(Key.ISBN, "in full-width digits", "\uFF10\uFF11\uFF14\uFF11\uFF14\uFF13\uFF19\uFF15\uFF11\uFF13"),

            accepted(Key.EMPLOYEE_NUMBER, "as on the badge", TestData::employeeNumber, e -> e),
            accepted(Key.EMPLOYEE_NUMBER, "in lower case with space around", TestData::employeeNumber,
                    e -> " " + e.toLowerCase() + " "),
            refused(Key.EMPLOYEE_NUMBER, "with three digits", "E123"),
            refused(Key.EMPLOYEE_NUMBER, "with seven digits", "E1234567"),
            refused(Key.EMPLOYEE_NUMBER, "in full-width digits", "E\uFF11\uFF12\uFF13\uFF14"),

            accepted(Key.EMAIL, "as given", () -> TestData.email("key"), e -> e),
            accepted(Key.EMAIL, "in capitals with space around", () -> TestData.email("key"), e -> " " + e.toUpperCase() + " "),
            refused(Key.EMAIL, "without an @", "key.table.example.org"),
            refused(Key.EMAIL, "with two dots in a row", "key..table@example.org"),
            refused(Key.EMAIL, "with a space inside", "key table@example.org"));

    static Spelling accepted(Key key, String how, Supplier<String> fresh, java.util.function.UnaryOperator<String> spell) {
        return new Spelling(key, how, () -> {
            String normal = fresh.get();
            return new Typed(spell.apply(normal), normal);
        });
    }

    static Spelling refused(Key key, String how, String text) {
        return new Spelling(key, how, () -> new Typed(text, null));
    }

    /** Written out here, not asked of the parser under test. */
    static String isbn13Of(String isbn10) {
        String body = "978" + isbn10.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theApiStoresEveryAcceptedSpellingInItsNormalFormAndRefusesTheRestNamingTheField() {
        ApiClient api = new ApiClient(base);
        long author = api.author("Key Table Author " + TestData.isbn());
        SoftAssertions softly = new SoftAssertions();
        for (Spelling spelling : TABLE) {
            Typed typed = spelling.next().get();
            String field = switch (spelling.key()) {
                case MEMBER_NUMBER -> "memberNumber";
                case ISBN -> "isbn";
                case EMPLOYEE_NUMBER -> "employeeNumber";
                case EMAIL -> "email";
            };
            Map<String, Object> body = switch (spelling.key()) {
                case MEMBER_NUMBER -> Map.of(field, typed.text(), "name", "Key Table", "email", TestData.email("key"));
                case ISBN -> Map.of(field, typed.text(), "title", "Key Table", "copies", 1, "authorId", author);
                case EMPLOYEE_NUMBER -> Map.of(field, typed.text(), "name", "Key Table", "email", TestData.email("key"));
                case EMAIL -> Map.of(field, typed.text(), "name", "Key Table", "memberNumber", TestData.memberNumber());
            };
            String path = switch (spelling.key()) {
                case MEMBER_NUMBER, EMAIL -> "/members";
                case ISBN -> "/books";
                case EMPLOYEE_NUMBER -> "/librarians";
            };
            ExtractableResponse<Response> answer = api.request().body(body).post(path).then().extract();
            if (typed.stored() != null) {
                softly.assertThat(answer.statusCode()).as(spelling + ": status").isEqualTo(201);
                if (answer.statusCode() == 201) {
                    String location = answer.header("Location");
                    softly.assertThat(api.request().get(location).then().extract().jsonPath().getString(field))
                            .as(spelling + ": stored").isEqualTo(typed.stored());
                }
            } else {
                softly.assertThat(answer.statusCode()).as(spelling + ": status").isEqualTo(400);
                softly.assertThat(answer.jsonPath().getList("errors", Map.class)).as(spelling + ": errors")
                        .containsExactly(Map.of("field", field, "message", spelling.key().refusal));
            }
        }
        softly.assertAll();
    }

    @Test
    void thePagesStoreEveryAcceptedSpellingInItsNormalFormAndRefuseTheRestBesideTheField() {
        String author = "Key Table Writer " + TestData.isbn().substring(7);
        new ApiClient(base).author(author);
        browser.logInAsStaff();
        SoftAssertions softly = new SoftAssertions();
        for (Spelling spelling : TABLE) {
            Typed typed = spelling.next().get();
            String input;
            switch (spelling.key()) {
                case MEMBER_NUMBER -> {
                    browser.open("member-edit.xhtml").waitForPage();
                    input = "member:memberNumber";
                    browser.type(input, typed.text()).type("member:name", "Key Table")
                            .type("member:email", TestData.email("key")).click("member:save");
                }
                case EMAIL -> {
                    browser.open("member-edit.xhtml").waitForPage();
                    input = "member:email";
                    browser.type("member:memberNumber", TestData.memberNumber()).type("member:name", "Key Table")
                            .type(input, typed.text()).click("member:save");
                }
                case ISBN -> {
                    browser.open("book-edit.xhtml").waitForPage();
                    input = "book:isbn";
                    browser.pick("book:authorId", author.substring(0, 12), author)
                            .type(input, typed.text()).type("book:title", "Key Table").type("book:copies", "1")
                            .click("book:save");
                }
                default -> {
                    browser.open("librarian-edit.xhtml").waitForPage();
                    input = "librarian:employeeNumber";
                    browser.type(input, typed.text()).type("librarian:name", "Key Table")
                            .type("librarian:email", TestData.email("key")).click("librarian:save");
                }
            }
            if (typed.stored() != null) {
                String page = switch (spelling.key()) {
                    case MEMBER_NUMBER, EMAIL -> "member.xhtml?id=";
                    case ISBN -> "book.xhtml?id=";
                    case EMPLOYEE_NUMBER -> "librarian.xhtml?id=";
                };
                String shown = switch (spelling.key()) {
                    case MEMBER_NUMBER -> "member-number";
                    case ISBN -> "isbn";
                    case EMPLOYEE_NUMBER -> "employee-number";
                    case EMAIL -> "member-email";
                };
                try {
                    browser.waitForUrl(page);
                } catch (org.openqa.selenium.TimeoutException e) {
                    browser.screenshot("natural-key-refused");
                    softly.fail(spelling + ": not saved; the page says " + browser.messages() + " / "
                            + browser.driver().findElement(org.openqa.selenium.By.tagName("form")).getText());
                    continue;
                }
                softly.assertThat(browser.text(shown)).as(spelling + ": stored").isEqualTo(typed.stored());
            } else {
                softly.assertThat(browser.messageBeside(input).getText()).as(spelling + ": beside the field")
                        .contains(spelling.key().refusal);
            }
        }
        softly.assertAll();
    }

    @Test
    void theImportStoresEveryAcceptedSpellingInItsNormalFormAndRefusesTheRestNamingTheColumn() {
        ApiClient api = new ApiClient(base);
        String author = "Key Table Importer " + TestData.isbn();
        SoftAssertions softly = new SoftAssertions();
        for (Spelling spelling : TABLE) {
            if (spelling.key() == Key.EMPLOYEE_NUMBER) {
                continue; // librarians are not imported
            }
            Typed typed = spelling.next().get();
            boolean member = spelling.key() != Key.ISBN;
            String csv = switch (spelling.key()) {
                case MEMBER_NUMBER -> "member_number,name,email,joined_on,active\n\"" + typed.text() + "\",Key Table," + TestData.email("key") + ",,\n";
                case EMAIL -> "member_number,name,email,joined_on,active\n" + TestData.memberNumber() + ",Key Table,\"" + typed.text() + "\",,\n";
                default -> "isbn,title,publication_year,copies,author,author_birth_year\n\"" + typed.text() + "\",Key Table,,1,\"" + author + "\",\n";
            };
            JsonPath report = api.importCsv(member ? "members" : "books", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (typed.stored() != null) {
                softly.assertThat(report.getInt("created")).as(spelling + ": created").isEqualTo(1);
                String field = switch (spelling.key()) {
                    case MEMBER_NUMBER -> "memberNumber";
                    case EMAIL -> "email";
                    default -> "isbn";
                };
                softly.assertThat(api.request().queryParam("q", typed.stored()).get(member ? "/members" : "/books")
                        .then().statusCode(200).extract().jsonPath().getList("items." + field))
                        .as(spelling + ": stored").containsExactly(typed.stored());
            } else {
                softly.assertThat(report.getList("errors.reason")).as(spelling + ": refused row")
                        .containsExactly(switch (spelling.key()) {
                            case MEMBER_NUMBER -> "member_number: ";
                            case EMAIL -> "email: ";
                            default -> "isbn: ";
                        } + spelling.key().refusal);
            }
        }
        softly.assertAll();
    }
}
