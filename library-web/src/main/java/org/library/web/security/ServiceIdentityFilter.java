package org.library.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * Tells the services whom a request works for: the caller Jakarta Security authenticated (before
 * any filter runs), with the roles the server mapped, for the time of the request and no longer.
 * The services check their own access rules against it ({@link org.library.platform.access.AccessGuard}).
 */
@WebFilter(filterName = "ServiceIdentityFilter", urlPatterns = "/*", asyncSupported = true,
        // the error pages (403, 404) are rendered after the request's own filters returned
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR,
                DispatcherType.ASYNC})
public class ServiceIdentityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        Identity identity = null;
        if (caller != null) {
            Set<String> roles = new HashSet<>();
            // a person's role, or a token's scopes (the roles web.xml declares)
            Stream.concat(Stream.of(Roles.STAFF, Roles.CARD_HOLDER), Roles.SCOPES.stream())
                    .filter(request::isUserInRole).forEach(roles::add);
            identity = new Identity(caller.getName(), roles);
        }
        // an anonymous request works for nobody, whatever the thread did before
        try (Identity.Scope ignored = Identity.enter(identity)) {
            chain.doFilter(request, response);
        }
    }
}
