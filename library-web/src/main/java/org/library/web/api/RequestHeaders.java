package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.library.platform.FieldViolation;

/**
 * The {@code Accept} header, which the JAX-RS runtime parses to choose a resource method, parsed
 * here first, by the runtime's own parser. One it cannot parse ({@code Accept: garbage/},
 * {@code Accept: application/json;q=abc}) would otherwise fail while the method is chosen, where
 * Jersey answers a bare 400 that no exception mapper sees and the server renders as its HTML error
 * page; here it is a 400 problem document naming the header. (An unparseable {@code Content-Type}
 * fails earlier still, before any JAX-RS filter: {@link ApiErrorPages} answers that one.)
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR - 1) // before RequestBodies and everything after it
public class RequestHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException unparseable) {
            request.abortWith(Problem.invalid(List.of(new FieldViolation(HttpHeaders.ACCEPT,
                    "must be a list of media types, such as application/json")), request.getUriInfo().getRequestUri()).toResponse());
        }
    }
}
