package org.library.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not well-formed JSON, or whose values have the wrong types
 * ({@code "copies": "many"}), as a 400 problem. (The JSON-B reader reports both as a
 * {@code ProcessingException}; nothing else in a request raises one.)
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException e) {
        return RequestBodies.tooLarge(e, uriInfo.getRequestUri()).orElseGet(() -> unreadable(e));
    }

    private Response unreadable(ProcessingException e) {
        return Problem.of("unreadable-body", "Unreadable request body", Response.Status.BAD_REQUEST,
                "The body is not JSON of the documented shape: check syntax and value types.", uriInfo.getRequestUri())
                .toResponse();
    }
}
