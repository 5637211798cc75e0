package org.library.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of failure (under
 * {@link #TYPE_BASE}), so that a client can branch on it; {@code detail} tells a person what to
 * do; {@code errors} lists each invalid field of a 400.
 */
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String TYPE_BASE = "https://library.example.org/problems/";
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One rejected input: where it is ({@code field}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String code, String title, Response.StatusType status, String detail, URI instance) {
        return new Problem(URI.create(TYPE_BASE + code), title, status.getStatusCode(), detail, instance, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
