package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.accounts.AccountService;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Requests.PasswordReset;
import org.library.web.api.Views.AccountView;

/**
 * Login accounts, for staff. Accounts are opened under their person
 * ({@code POST /members/{id}/account}, {@code POST /librarians/{id}/account}); the caller's own
 * is {@code /me}.
 */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@Allowed(Roles.ADMINISTRATION)
public class AccountsResource {

    @Inject
    AccountService accounts;

    @GET
    @Path("{username}")
    @Operation(operationId = "getAccount", summary = "Read an account", description = "Role, owner, failed logins since the last success, the clients "
            + "blocked from it after repeated failures, and a lock by staff; never the password hash.")
    public AccountView account(@PathParam("username") String username) {
        return AccountView.of(accounts.account(username), accounts.blockedClients(username));
    }

    @PUT
    @Produces(Responses.NO_BODY)
    @Path("{username}/password")
    @Operation(operationId = "resetPassword", summary = "Set a new password", description = "For a member or colleague who forgot theirs. Lifts every "
            + "client's block after failed logins (not a lock by staff); the account's page sessions end.")
    @APIResponse(responseCode = "204", description = "Changed")
    public Response resetPassword(@PathParam("username") String username, PasswordReset body) {
        accounts.resetPassword(username, body == null ? null : body.newPassword());
        return Response.noContent().build();
    }

    @PUT
    @Path("{username}/lock")
    @Operation(operationId = "lockAccount", summary = "Lock the account", description = "A lost card, a suspected break-in: no login at all until "
            + "the lock is lifted (DELETE); the account's page sessions end at once.")
    @APIResponse(responseCode = "200", description = "Locked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
    public AccountView lock(@PathParam("username") String username) {
        accounts.lock(username);
        return AccountView.of(accounts.account(username), accounts.blockedClients(username));
    }

    @DELETE
    @Path("{username}/lock")
    @Operation(operationId = "unlockAccount", summary = "Lift the lock", description = "The owner may log in again with their password.")
    @APIResponse(responseCode = "200", description = "Unlocked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
    public AccountView unlock(@PathParam("username") String username) {
        accounts.unlock(username);
        return AccountView.of(accounts.account(username), accounts.blockedClients(username));
    }
}
