package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.client.ApiClient;
import org.library.client.ApiException;
import org.library.client.ApiResponse;
import org.library.client.api.ApiTokensApi;
import org.library.client.api.AuthorsApi;
import org.library.client.api.BooksApi;
import org.library.client.api.MembersAndCirculationApi;
import org.library.client.model.AuthorInput;
import org.library.client.model.BookInput;
import org.library.client.model.BookView;
import org.library.client.model.BorrowRequest;
import org.library.client.model.IssuedTokenView;
import org.library.client.model.LoanView;
import org.library.client.model.MemberInput;
import org.library.client.model.MemberView;
import org.library.client.model.Problem;
import org.library.client.model.TokenInput;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * The README's circulation story, told by a Java client generated at build time from the API's
 * contract (the document the server serves): what an integrating system gets from the document
 * alone — typed models, the ids and headers each operation needs, problem documents it can read,
 * API tokens and their scopes.
 */
class GeneratedClientIT extends LibraryDeploymentTest {

    private ApiClient staff;

    @BeforeEach
    void client() {
        staff = client("Basic " + Base64.getEncoder().encodeToString(
                (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCirculationStoryRunsOnTheGeneratedClient() throws Exception {
        AuthorsApi authors = new AuthorsApi(staff);
        BooksApi books = new BooksApi(staff);
        MembersAndCirculationApi circulation = new MembersAndCirculationApi(staff);

        long author = authors.createAuthor(new AuthorInput().name("Jane Austen").birthYear(1775).deathYear(1817), null).getId();
        ApiResponse<BookView> created = books.createBookWithHttpInfo(new BookInput()
                .isbn(TestData.isbn()).title("Emma").publicationYear(1815).copies(1).authorId(author), null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        long book = created.getData().getId();
        assertThat(created.getHeaders().get("location").get(0)).endsWith("/api/books/" + book);
        MemberView ada = circulation.createMember(member("Ada Lovelace"), null);
        MemberView grace = circulation.createMember(member("Grace Hopper"), null);

        // a borrow sent twice with its Idempotency-Key, as a client that lost the first answer does: one loan
        String key = UUID.randomUUID().toString();
        LoanView loan = circulation.borrow(ada.getId(), new BorrowRequest().bookId(book), key);
        assertThat(circulation.borrow(ada.getId(), new BorrowRequest().bookId(book), key).getId()).isEqualTo(loan.getId());
        assertThat(loan.getBook().getId()).isEqualTo(book);
        assertThat(loan.getDueOn()).isNotNull();

        ApiException lastCopy = catchThrowableOfType(ApiException.class,
                () -> circulation.borrow(grace.getId(), new BorrowRequest().bookId(book), null));
        assertThat(lastCopy.getCode()).isEqualTo(409);
        Problem refusal = problem(lastCopy);
        assertThat(refusal.getType().toString()).endsWith("no-copy-available");
        assertThat(refusal.getStatus()).isEqualTo(409);

        circulation.giveBack(ada.getId(), book);
        assertThat(circulation.borrow(grace.getId(), new BorrowRequest().bookId(book), null).getMember().getId())
                .isEqualTo(grace.getId());
    }

    @Test
    void aChangeBasedOnAStaleETagIsRefusedWith412() throws Exception {
        BooksApi books = new BooksApi(staff);
        long author = new AuthorsApi(staff).createAuthor(new AuthorInput().name("Mary Shelley"), null).getId();
        BookInput frankenstein = new BookInput().isbn(TestData.isbn()).title("Frankenstein").publicationYear(1818).copies(2).authorId(author);
        long book = books.createBook(frankenstein, null).getId();

        String etag = books.getBookWithHttpInfo(book).getHeaders().get("etag").get(0);
        BookView changed = books.replaceBook(book, etag, frankenstein.copies(3));
        assertThat(changed.getCopies()).isEqualTo(3);

        ApiException stale = catchThrowableOfType(ApiException.class, () -> books.replaceBook(book, etag, frankenstein.copies(4)));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(problem(stale).getStatus()).isEqualTo(412);
        assertThat(books.getBook(book).getCopies()).isEqualTo(3);

        books.deleteBook(book, books.getBookWithHttpInfo(book).getHeaders().get("etag").get(0));
        assertThat(catchThrowableOfType(ApiException.class, () -> books.getBook(book)).getCode()).isEqualTo(404);
    }

    @Test
    void invalidInputIsAProblemThatNamesEachBadField() throws Exception {
        long author = new AuthorsApi(staff).createAuthor(new AuthorInput().name("Anne Brontë"), null).getId();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new BooksApi(staff).createBook(
                new BookInput().isbn("978-0-00-000000-1").title(" ").copies(1).authorId(author), null));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(problem(refused).getErrors()).extracting("field").contains("isbn", "title");
    }

    @Test
    void aTokenWithTooSmallAScopeIsRefusedAWriteWith403() throws Exception {
        IssuedTokenView token = new ApiTokensApi(staff).createToken(
                new TokenInput().name("discovery layer").scopes(List.of(TokenInput.ScopesEnum.CATALOGUE_READ)), null);
        ApiClient discovery = client("Bearer " + token.getSecret());

        assertThat(new BooksApi(discovery).listBooks(null, null, null).getItems()).isNotNull();
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new AuthorsApi(discovery).createAuthor(new AuthorInput().name("Not allowed"), null));
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(problem(refused).getDetail()).contains("catalogue:write");
    }

    @Test
    void aWriteWithoutCredentialsIsRefusedWith401() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new AuthorsApi(client(null)).createAuthor(new AuthorInput().name("Nobody"), null));
        assertThat(refused.getCode()).isEqualTo(401);
    }

    private MemberInput member(String name) {
        return new MemberInput().memberNumber(TestData.memberNumber()).name(name).email(TestData.email(name));
    }

    private Problem problem(ApiException e) throws Exception {
        assertThat(e.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return staff.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }

}
