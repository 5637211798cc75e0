package org.library.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures the JAX-RS runtime detects before a resource runs — unknown route (404), wrong method
 * (405), unsupported media type (415), unacceptable media type (406), unreadable body (400), a
 * change without {@code If-Match} (428) — as
 * problem documents instead of the server's HTML error pages.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        java.util.Optional<Response> tooLarge = RequestBodies.tooLarge(e, uriInfo.getRequestUri());
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String code = Problem.code(status.getReasonPhrase());
        String detail = switch (status.getStatusCode()) {
            case 404 -> "There is no resource at " + uriInfo.getPath() + ".";
            case 405 -> "This resource does not support that method; allowed: " + original.getAllowedMethods() + ".";
            case 415 -> uriInfo.getPath().replaceFirst("^/", "").startsWith("imports") ? "Send the file as text/csv (UTF-8)."
                    : "Send the request body as application/json.";
            case 406 -> uriInfo.getPath().replaceFirst("^/", "").startsWith("exports") ? "This resource answers text/csv only."
                    : "This resource answers application/json only.";
            case 400 -> "The request could not be read; check that the body is well-formed JSON of the documented shape.";
            case 428 -> "Send the record's ETag in If-Match (read it first: GET gives it), so that a change made by someone "
                    + "else in the meantime is not overwritten; If-Match: * changes it whatever its version.";
            default -> status.getReasonPhrase() + ".";
        };
        Response.ResponseBuilder answer = Response.status(status.getStatusCode()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, status.getReasonPhrase(), status, detail, uriInfo.getRequestUri()));
        if (!original.getAllowedMethods().isEmpty()) {
            answer.allow(original.getAllowedMethods());
        }
        return answer.build();
    }
}
