package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.accounts.AccountService;
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
}
