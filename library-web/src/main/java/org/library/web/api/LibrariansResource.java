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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.changes.RecordType;
import org.library.changes.ChangeFeed;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.staff.Librarian;
import org.library.staff.Profile;
import org.library.staff.StaffService;
import org.library.web.api.Requests.LibrarianInput;
import org.library.web.api.Requests.NewLibrarian;
import org.library.web.api.Requests.ProfileInput;
import org.library.web.api.Views.LibrarianView;
import org.library.web.api.Views.ProfileView;

/**
 * Librarians, and each librarian's profile as a sub-resource: the 1:1 relation, where PUT creates
 * or replaces the one profile and a second one cannot exist.
 */
@Path("librarians")
@ApplicationScoped
@Allowed(Roles.ADMINISTRATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Librarians")
public class LibrariansResource {

    @Inject
    StaffService staff;

    @Inject
    org.library.accounts.AccountService accounts;

    @Context
    UriInfo uri;

    @Inject
    ChangeFeed changes;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Operation(operationId = "listLibrarians", summary = "List librarians", description = "Each with its profile; paged; sortable by name, employeeNumber, email.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LibrarianPage")))
    public Response list(@BeanParam Paging paging) {
        return Responses.page(staff.librarians(paging.request(), paging.sort("name")), LibrarianView::of, uri);
    }

    @POST
    @Operation(operationId = "createLibrarian", summary = "Add a librarian", description = "Optionally with the profile. 409 for a taken employee number or e-mail.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LibrarianView")))
    public Response create(NewLibrarian body) {
        Librarian librarian = body == null ? staff.create(null, null) : staff.create(body.data(), body.profileContent());
        return Responses.created(uri, librarian.getId(), librarian.getVersion(), LibrarianView.of(librarian));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLibrarian", summary = "Read a librarian, with the profile")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LibrarianView")))
    public Response get(@PathParam("id") long id) {
        Librarian librarian = staff.librarian(id);
        return Responses.versioned(LibrarianView.of(librarian), librarian.getVersion(), request);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceLibrarian", summary = "Replace a librarian", description = "employeeNumber (unchanged), name and e-mail. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LibrarianView")))
    public Response update(@PathParam("id") long id, LibrarianInput body) {
        Librarian librarian = staff.update(id, Responses.requiredVersion(headers), body == null ? null : body.data());
        return Responses.changed(LibrarianView.of(librarian), librarian.getVersion());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "deleteLibrarian", summary = "Remove a librarian and the profile", description = "If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") long id) {
        staff.delete(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/profile")
    @Operation(operationId = "getProfile", summary = "Read the librarian's profile", description = "404 when the librarian has none.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProfileView")))
    public Response profile(@PathParam("id") long id) {
        Profile profile = staff.profile(id);
        return Responses.versioned(ProfileView.of(profile), profile.getVersion(), request);
    }

    @PUT
    @Path("{id}/profile")
    @Operation(operationId = "putProfile", summary = "Create or replace the librarian's profile", description = "There is only ever one profile per librarian. "
            + "Replacing one: If-Match required (the profile's ETag), 428 without it, 412 when stale; creating one needs none.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProfileView")))
    public Response putProfile(@PathParam("id") long id, ProfileInput body) {
        // a PUT that creates the profile has no version to match; one that replaces it must name it
        Long version = staff.hasProfile(id) ? Responses.requiredVersion(headers) : Responses.expectedVersion(headers);
        Profile profile = staff.putProfile(id, version, body == null ? null : body.content());
        return Responses.changed(ProfileView.of(profile), profile.getVersion());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}/profile")
    @Operation(operationId = "deleteProfile", summary = "Remove the librarian's profile", description = "If-Match (the profile's ETag) required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response deleteProfile(@PathParam("id") long id) {
        staff.removeProfile(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/account")
    @Operation(operationId = "openLibrarianAccount", summary = "Open the librarian's login account", description = "With the LIBRARIAN (staff) role. 409 when the "
            + "user name is taken or they have an account.")
    @APIResponse(responseCode = "201", description = "Created; Location names the account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
    public Response openAccount(@PathParam("id") long id, Requests.NewAccount body) {
        org.library.accounts.Account account = accounts.openForLibrarian(id, body == null ? null : body.data());
        return Response.created(uri.getBaseUriBuilder().path(AccountsResource.class).path(account.getUsername()).build())
                .entity(Views.AccountView.of(account, 0)).build();
    }

    @Allowed(Roles.ADMINISTRATION)
    @GET
    @Path("{id}/history")
    @Operation(operationId = "getLibrarianHistory", summary = "Read a librarian's history", description = Histories.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HistoryPage")))
    public Response history(@PathParam("id") long id, @BeanParam Paging paging) {
        return Histories.page(changes, RecordType.LIBRARIAN, id, paging, uri, () -> staff.librarian(id));
    }
}
