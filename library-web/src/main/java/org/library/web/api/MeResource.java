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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.accounts.AccountService;
import org.library.calendar.CalendarFeeds;
import org.library.members.MemberService;
import java.util.List;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.web.api.Requests.EmailChange;
import org.library.web.api.Views.MemberView;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Requests.PasswordChange;
import org.library.web.api.Views.CallerView;
import org.library.web.security.CurrentCaller;
import org.library.web.security.TrustedProxies;

/** The caller's own account: who am I, changing my password, and a member's own e-mail address. */
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
    MemberService members;

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

    // the class's roles, staff included: their request is checked as any other (a malformed body is
    // a 400) and then refused for having no member record of its own, below
    @PUT
    @Path("email")
    @Operation(operationId = "changeOwnEmail", summary = "Change my e-mail address", description = "For a member's account: the address of "
            + "their member record, checked as staff's changes are: 400 when it is no e-mail address, 409 when another account uses "
            + "it. Logged in the member's history like any change. 403 for staff (no member record of their own) and systems: they change members' records.")
    @APIResponse(responseCode = "200", description = "Changed: the member record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public MemberView changeOwnEmail(EmailChange body) {
        if (body == null || body.email() == null) { // a malformed request is a 400 whoever sends it, as everywhere
            throw new InvalidInputException(List.of(new FieldViolation("email", "is required")));
        }
        long memberId = caller.requireOwnMemberId("Only a member's account has an e-mail address of its own here.");
        return MemberView.of(members.changeEmail(memberId, body.email()));
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
        return caller.requireOwnMemberId("Only a member's account has a calendar.");
    }

    /** A calendar link, shown once. */
    @Schema(name = "CalendarLink")
    public record CalendarLink(@Schema(description = "the calendar's URL: keep it private, anyone with it reads the calendar") String url) {
    }
}
