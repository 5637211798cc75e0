package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.library.platform.access.AccessGuard;
import org.library.platform.access.Allowed;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;
import org.library.web.security.LibraryAuthenticationMechanism.Refusal;
import org.library.web.security.LibraryAuthenticationMechanism;

/**
 * Who may call which resource method, from its {@link Allowed} (the method's, else its class's),
 * the annotation the services carry too. A method without one is staff-only: forgetting an
 * annotation closes a door rather than opening one. Not {@code @RolesAllowed}/{@code @PermitAll}:
 * for those Payara registers a filter of its own (MicroProfile JWT's) that runs the whole
 * authentication a second time for every anonymous request (6 % of what reading a book cost).
 * Anonymous where a role is needed, or wrong credentials anywhere: 401 with a Basic and a Bearer challenge; a role or
 * scope that does not suffice: 403; both as problem documents. The roles are checked against the request's
 * {@link Identity} (set by {@code ServiceIdentityFilter}) with the services' own rule, so that a librarian holds
 * every scope here as there. Credentials the authentication could not check because the database does not answer
 * are a 503 here, with {@code Retry-After}; a client that must wait (429) is answered before the
 * API runs, by {@code LoginTarpit}. Record-level rules (a member sees only their own loans) are
 * the resources' own, through {@code CurrentCaller}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Library\", charset=\"UTF-8\"";
    /** Both challenges in one header (RFC 9110 allows a list): a person's password, a system's token. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"Library\"";

    @Context
    ResourceInfo resource;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (servletRequest.getAttribute(LibraryAuthenticationMechanism.REFUSAL) instanceof Refusal refusal) {
            request.abortWith(switch (refusal.kind()) {
                case WRONG -> unauthenticated("The user name or password is wrong, or the account is locked.");
                case WRONG_TOKEN -> unauthenticated("The API token is unknown, expired or revoked.");
                // LoginTarpit answers these, a second late, before the API runs; here where it could not
                case THROTTLED, BUSY -> Response.fromResponse(LoginTarpit.problem(refusal, uriInfo.getRequestUri()).toResponse())
                        .header("Retry-After", refusal.retryAfterSeconds()).build();
                case UNAVAILABLE -> UnexpectedExceptionMapper.unavailable(uriInfo.getRequestUri());
            });
            return;
        }
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        String[] roles = AccessGuard.rule(method, resource.getResourceClass());
        if (Arrays.asList(roles).contains(Roles.ANYONE)) {
            return;
        }
        Optional<Identity> identity = Identity.current();
        if (security.getUserPrincipal() == null || identity.isEmpty()) {
            request.abortWith(unauthenticated("Log in: send your user name and password with HTTP Basic authentication, "
                    + "or an API token as a bearer token."));
        } else if (!identity.get().hasAnyRole(roles)) {
            // the services' rule, asked of the same identity: staff hold every scope
            request.abortWith(Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                    AccessGuard.refusal(roles), uriInfo.getRequestUri()).toResponse());
        }
    }

    private Response unauthenticated(String detail) {
        return Response.fromResponse(Problem.of("unauthenticated", "Authentication required", Response.Status.UNAUTHORIZED,
                detail, uriInfo.getRequestUri()).toResponse())
                .header("WWW-Authenticate", CHALLENGE + ", " + BEARER_CHALLENGE).build();
    }
}
