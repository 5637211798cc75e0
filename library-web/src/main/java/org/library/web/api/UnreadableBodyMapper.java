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
 * {@code ProcessingException}.) The runtime reports a request header it cannot parse while a
 * resource method reads it ({@code If-None-Match: garbage}, read when a record is answered with its
 * ETag) as one too: that is a 400 about the header, not the body.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException e) {
        if (isHeaderValue(e)) {
            return Problem.of("unreadable-header", "Unreadable request header", Response.Status.BAD_REQUEST,
                    "A request header is not written as HTTP defines it: " + e.getMessage() + ".",
                    uriInfo.getRequestUri()).toResponse();
        }
        return RequestBodies.tooLarge(e, uriInfo.getRequestUri()).orElseGet(() -> unreadable(e));
    }

    /**
     * Jersey's HeaderValueException (the runtime of Payara and GlassFish), named rather than
     * imported: the application compiles against the Jakarta EE API alone.
     */
    private static boolean isHeaderValue(ProcessingException e) {
        return e.getClass().getSimpleName().equals("HeaderValueException");
    }

    private Response unreadable(ProcessingException e) {
        return Problem.of("unreadable-body", "Unreadable request body", Response.Status.BAD_REQUEST,
                "The body is not JSON of the documented shape: check syntax and value types.", uriInfo.getRequestUri())
                .toResponse();
    }
}
