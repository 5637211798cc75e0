package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import org.library.accounts.Role;
import org.library.web.security.LibraryAuthenticationMechanism;
import org.library.web.security.LibraryAuthenticationMechanism.Refusal;
import org.library.web.security.LoginTarpit;

/**
 * Who may call which resource method, from its {@code @PermitAll} / {@code @RolesAllowed} (the
 * method's, else its class's). A method with neither is staff-only: forgetting an annotation
 * closes a door rather than opening one. Anonymous where a role is needed, or wrong credentials
 * anywhere: 401 with a Basic challenge; a role that does not suffice: 403; both as problem
 * documents. Credentials the authentication could not check because the database does not answer
 * are a 503 here, with {@code Retry-After}; a client that must wait (429) is answered before the
 * API runs, by {@code LoginTarpit}. Record-level rules (a member sees only their own loans) are
 * the resources' own, through {@code CurrentCaller}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION) // before any role filter the runtime adds itself (Payara registers Jersey's), so that every refusal is ours
public class AccessFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Library\", charset=\"UTF-8\"";

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
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            if (type.isAnnotationPresent(PermitAll.class)) {
                return;
            }
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        String[] roles = allowed == null ? new String[] {Role.STAFF} : allowed.value();
        if (security.getUserPrincipal() == null) {
            request.abortWith(unauthenticated("Log in: send your user name and password with HTTP Basic authentication."));
        } else if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
            request.abortWith(Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                    Arrays.asList(roles).contains(Role.CARD_HOLDER)
                            ? "Your account may not do this."
                            : "Only library staff may do this.", uriInfo.getRequestUri()).toResponse());
        }
    }

    private Response unauthenticated(String detail) {
        return Response.fromResponse(Problem.of("unauthenticated", "Authentication required", Response.Status.UNAUTHORIZED,
                detail, uriInfo.getRequestUri()).toResponse()).header("WWW-Authenticate", CHALLENGE).build();
    }
}
