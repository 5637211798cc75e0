package org.library.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.library.platform.FieldViolation;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of failure (under
 * {@link #TYPE_BASE}), so that a client can branch on it; {@code detail} tells a person what to
 * do; {@code errors} lists each invalid field of a 400.
 */
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldViolation> errors) {

    public static final String TYPE_BASE = "https://library.example.org/problems/";
    /** RFC 9457's media type, for annotations. */
    public static final String MEDIA_TYPE_NAME = "application/problem+json";

    public static final MediaType MEDIA_TYPE = MediaType.valueOf(MEDIA_TYPE_NAME);

    /** The code of a problem named after its HTTP status: "Method Not Allowed" is {@code method-not-allowed}. */
    public static String code(String reasonPhrase) {
        return reasonPhrase.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static Problem of(String code, String title, Response.StatusType status, String detail, URI instance) {
        return new Problem(URI.create(TYPE_BASE + code), title, status.getStatusCode(), detail, instance, null);
    }

    /** A 400 listing each invalid field. */
    public static Problem invalid(List<FieldViolation> violations, URI instance) {
        String detail = violations.size() == 1
                ? "The field " + violations.get(0).field() + " is invalid: " + violations.get(0).message() + "."
                : violations.size() + " fields are invalid; see errors.";
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid input", Response.Status.BAD_REQUEST.getStatusCode(),
                detail, instance, List.copyOf(violations));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
