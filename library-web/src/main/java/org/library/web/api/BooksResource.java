package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.changes.RecordType;
import org.library.changes.ChangeFeed;
import org.library.catalog.Book;
import org.library.catalog.BookFilter;
import org.library.catalog.CatalogService;
import org.library.catalog.CatalogueEntry;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationQueries;
import org.library.platform.RetriedOnLockConflict;
import org.library.platform.Upserted;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Requests.BookInput;
import org.library.web.api.Views.MemberRef;

/** The catalogue's books, with their author and availability; and who holds each now. */
@Path("books")
@ApplicationScoped
@Allowed(Roles.CATALOGUE_WRITE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Books")
public class BooksResource {

    @Inject
    CatalogService catalog;

    @Inject
    CirculationQueries queries;

    @Context
    UriInfo uri;

    @Inject
    ChangeFeed changes;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Allowed(Roles.ANYONE)
    @GET
    @Operation(operationId = "listBooks", summary = "List or search books",
            description = "Paged; sortable by title, author, year, isbn, copies, available.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookPage")))
    public Response list(
            @QueryParam("q") @Parameter(description = "words of the title or the author's name, all of them, in any order, "
                    + "case and accents ignored; a word ending in * matches every word it begins (gard*); or an ISBN in any form") String q,
            @QueryParam("authorId") @Parameter(description = "only this author's books") String authorId,
            @QueryParam("available") @Parameter(description = "true: only books with a copy on the shelf",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) String available,
            @BeanParam Paging paging) {
        return Responses.page(catalog.catalogue(new BookFilter(q, Paging.id("authorId", authorId), Boolean.TRUE.equals(Paging.flag("available", available))), paging.request(), paging.sort("title")),
                BookView::of, uri);
    }

    @POST
    @Operation(operationId = "createBook", summary = "Add a book to the catalogue", description = "The ISBN may be an ISBN-10 or ISBN-13; it is stored as ISBN-13. 409 when it exists.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    public Response create(BookInput body) {
        Book book = catalog.createBook(body == null ? null : body.data());
        return Responses.created(uri, book.getId(), book.getVersion(), BookView.of(book));
    }

    @Allowed(Roles.ANYONE)
    @GET
    @Path("{id}")
    @Operation(operationId = "getBook", summary = "Read a book")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    public Response get(@PathParam("id") long id) {
        CatalogueEntry book = catalog.entry(id);
        return Responses.versioned(BookView.of(book), book.getVersion(), request);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceBook", summary = "Replace a book", description = "The whole record: isbn (unchanged), title, year (absent: none), copies, author. If-Match required: 428 without it, 412 when stale; 409 below the copies out.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    public Response update(@PathParam("id") long id, BookInput body) {
        Book book = catalog.updateBook(id, Responses.requiredVersion(headers), body == null ? null : body.data());
        return Responses.changed(BookView.of(book), book.getVersion());
    }

    @Allowed(Roles.ANYONE)
    @GET
    @Path("by-isbn/{isbn}")
    @Operation(operationId = "getBookByIsbn", summary = "Read a book by ISBN", description = "The ISBN in any form: ISBN-10 or ISBN-13, with or without "
            + "hyphens. Content-Location names the book's canonical URL. 400 when it is no ISBN, 404 when no book has it.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    public Response getByIsbn(@PathParam("isbn") @Parameter(example = "978-0-14-143947-1") String isbn) {
        CatalogueEntry book = catalog.entry(NaturalKeyJson.pathKey("isbn", isbn, Isbn.class));
        return Responses.byKey(uri, BooksResource.class, book.getId(), BookView.of(book), book.getVersion(), request);
    }

    @PUT
    @Path("by-isbn/{isbn}")
    @RetriedOnLockConflict
    @Operation(operationId = "putBookByIsbn", summary = "Create or replace a book by ISBN", description = "For sync jobs (an acquisitions system), which know "
            + "the ISBN, not the id; the ISBN in any form. The whole record, as PUT /books/{id} takes it; isbn in the body may "
            + "be left out, and must be the same ISBN if given (else 400). 201 with the Location of the book's canonical URL "
            + "when created, 200 when replaced. If-Match is optional: given, the book must exist at that version (412 "
            + "otherwise); If-None-Match: * creates only (412 when the book exists). 409 below the copies out.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookView")))
    public Response putByIsbn(@PathParam("isbn") @Parameter(example = "978-0-14-143947-1") String isbn, BookInput body) {
        Upserted<Book> put = catalog.putBook(NaturalKeyJson.pathKey("isbn", isbn, Isbn.class), Responses.precondition(headers),
                body == null ? null : body.data());
        Book book = put.record();
        return Responses.upserted(uri, BooksResource.class, book.getId(), book.getVersion(), BookView.of(book), put.created());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "deleteBook", summary = "Remove a book", description = "409 while a copy is out. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") long id) {
        catalog.deleteBook(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @Allowed(Roles.CIRCULATION)
    @GET
    @Path("{id}/holds")
    @Operation(operationId = "listHoldQueue", summary = "The book's hold queue", description = "Waiting holds, first in line first.")
    public List<Views.HoldView> queue(@PathParam("id") long id) {
        return queries.queue(id).stream().map(Views.HoldView::of).toList();
    }

    @Allowed(Roles.CIRCULATION)
    @GET
    @Path("{id}/borrowers")
    @Operation(operationId = "listBorrowers", summary = "Members holding a copy now", description = "The book's side of the borrows relation.")
    public List<MemberRef> borrowers(@PathParam("id") long id) {
        return catalog.borrowers(id).stream().map(MemberRef::of).toList();
    }

    @Allowed({Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE})
    @GET
    @Path("{id}/history")
    @Operation(operationId = "getBookHistory", summary = "Read a book's history", description = Histories.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HistoryPage")))
    public Response history(@PathParam("id") long id, @BeanParam Paging paging) {
        return Histories.page(changes, RecordType.BOOK, id, paging, uri, () -> catalog.book(id));
    }
}
