package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.accounts.AccountService;
import org.library.calendar.CalendarFeeds;
import org.library.platform.AccessDeniedException;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Requests.PasswordChange;
import org.library.web.api.Views.CallerView;
import org.library.web.security.CurrentCaller;
import org.library.web.security.TrustedProxies;

/** The caller's own account: who am I, and changing my password. */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@Allowed({Roles.STAFF, Roles.CARD_HOLDER})
public class MeResource {

    @Inject
    AccountService accounts;

    @Inject
    CurrentCaller caller;

    @Inject
    CalendarFeeds calendars;

    @Context
    UriInfo uri;

    @Inject
    TrustedProxies proxies;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(operationId = "getMe", summary = "Who am I", description = "The caller's user name, role, and their librarian or member id.")
    public CallerView me() {
        return CallerView.of(caller.get().orElseThrow());
    }

    @PUT
    @Produces(Responses.NO_BODY)
    @Path("password")
    @Operation(operationId = "changeOwnPassword", summary = "Change my password", description = "400 when the current password is wrong (which counts as a "
            + "failed login) or the new one is refused by the policy: 10 to 128 characters, not containing the user name; "
            + "429 when this client must wait after repeated failures. The account's page sessions end.")
    @APIResponse(responseCode = "204", description = "Changed")
    public Response changeOwnPassword(PasswordChange body) {
        accounts.changeOwnPassword(caller.getName(), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword(), proxies.client(request));
        return Response.noContent().build();
    }

    @Allowed(Roles.CARD_HOLDER)
    @POST
    @Path("calendar")
    @Operation(operationId = "takeCalendarLink", summary = "Take a private calendar link", description = "For a member: a new secret "
            + "URL of their calendar (GET /api/calendars/{file}), which calendar applications subscribe to without logging in. "
            + "Shown this once (only its hash is kept); it replaces the member's previous link, which stops working.")
    @APIResponse(responseCode = "201", description = "Created; Location is the calendar's URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CalendarLink")))
    public Response takeCalendarLink() {
        String secret = calendars.issue(ownMemberId());
        URI link = uri.getBaseUriBuilder().path(CalendarsResource.class).path(secret + CalendarsResource.SUFFIX).build();
        return Response.created(link).entity(new CalendarLink(link.toString())).build();
    }

    @Allowed(Roles.CARD_HOLDER)
    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("calendar")
    @Operation(operationId = "revokeCalendarLink", summary = "Revoke my calendar link", description = "The link stops working at once "
            + "(404). 204 also when there was none.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeCalendarLink() {
        calendars.revoke(ownMemberId());
        return Response.noContent().build();
    }

    private long ownMemberId() {
        Long memberId = caller.get().orElseThrow().memberId();
        if (memberId == null) {
            throw new AccessDeniedException("Only a member's account has a calendar.");
        }
        return memberId;
    }

    /** A calendar link, shown once. */
    @Schema(name = "CalendarLink")
    public record CalendarLink(@Schema(description = "the calendar's URL: keep it private, anyone with it reads the calendar") String url) {
    }
}
