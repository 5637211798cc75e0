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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.changes.RecordType;
import org.library.changes.ChangeFeed;
import org.library.catalog.Author;
import org.library.catalog.BookFilter;
import org.library.catalog.CatalogService;
import org.library.catalog.CatalogueEntry;
import org.library.platform.Page;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Requests.AuthorInput;
import org.library.web.api.Views.AuthorView;

/** Authors, and each author's books (the 1:N relation seen from the "one" side). */
@Path("authors")
@ApplicationScoped
@Allowed(Roles.CATALOGUE_WRITE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorsResource {

    @Inject
    CatalogService catalog;

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
    @Operation(operationId = "listAuthors", summary = "List authors", description = "Paged; sortable by name, birthYear, deathYear.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorPage")))
    public Response list(@QueryParam("q") @Parameter(description = "part of the name") String q, @BeanParam Paging paging) {
        return Responses.page(catalog.authors(q, paging.request(), paging.sort("name")), AuthorView::of, uri);
    }

    @POST
    @Operation(operationId = "createAuthor", summary = "Create an author")
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorView")))
    public Response create(AuthorInput body) {
        Author author = catalog.createAuthor(body == null ? null : body.data());
        return Responses.created(uri, author.getId(), author.getVersion(), AuthorView.of(author));
    }

    @Allowed(Roles.ANYONE)
    @GET
    @Path("{id}")
    @Operation(operationId = "getAuthor", summary = "Read an author", description = "Answers an ETag; If-None-Match gives 304.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorView")))
    public Response get(@PathParam("id") long id) {
        Author author = catalog.author(id);
        return Responses.versioned(AuthorView.of(author), author.getVersion(), request);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceAuthor", summary = "Replace an author", description = "The whole record (a missing year is no year). If-Match with the ETag you read is required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorView")))
    public Response update(@PathParam("id") long id, AuthorInput body) {
        Author author = catalog.updateAuthor(id, Responses.requiredVersion(headers), body == null ? null : body.data());
        return Responses.changed(AuthorView.of(author), author.getVersion());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "deleteAuthor", summary = "Delete an author", description = "409 while the author has books. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") long id) {
        catalog.deleteAuthor(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @Allowed(Roles.ANYONE)
    @GET
    @Path("{id}/books")
    @Operation(operationId = "listAuthorBooks", summary = "The author's books", description = "Paged and sortable like /books.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookPage")))
    public Response books(@PathParam("id") long id, @BeanParam Paging paging) {
        Page<CatalogueEntry> books = catalog.catalogue(new BookFilter(null, id, false), paging.request(), paging.sort("title"));
        if (books.items().isEmpty()) {
            catalog.author(id); // a 404 when there is no such author; a page of books says there is
        }
        return Responses.page(books, BookView::of, uri);
    }

    @Allowed({Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE})
    @GET
    @Path("{id}/history")
    @Operation(operationId = "getAuthorHistory", summary = "Read a author's history", description = Histories.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HistoryPage")))
    public Response history(@PathParam("id") long id, @BeanParam Paging paging) {
        return Histories.page(changes, RecordType.AUTHOR, id, paging, uri, () -> catalog.author(id));
    }
}
