package org.library.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.library.accounts.TooManyAttemptsException;
import org.library.changes.CursorExpiredException;
import org.library.platform.AccessDeniedException;
import org.library.platform.InvalidInputException;
import org.library.platform.LibraryException;
import org.library.platform.PreconditionFailedException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.StaleVersionException;
import org.library.platform.idempotency.IdempotencyKeyReusedException;

/**
 * Business failures from the services, to HTTP: the one place where a
 * {@link LibraryException} becomes a status code and a problem document.
 */
@Provider
public class LibraryExceptionMapper implements ExceptionMapper<LibraryException> {

    /** RFC 9110's 422, which JAX-RS 3.1 has no constant for: a well-formed request this server will not process. */
    static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(LibraryException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problem.invalid(invalid.violations(), uriInfo.getRequestUri()).toResponse();
        }
        if (e instanceof TooManyAttemptsException tooMany) {
            return Response.fromResponse(Problem.of(e.code(), "Too many attempts", Status.TOO_MANY_REQUESTS, e.getMessage(),
                    uriInfo.getRequestUri()).toResponse()).header("Retry-After",
                    Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000)).build();
        }
        if (e instanceof IdempotencyKeyReusedException) {
            return Problem.of(e.code(), "Idempotency-Key used for another request", UNPROCESSABLE_CONTENT, e.getMessage(),
                    uriInfo.getRequestUri()).toResponse();
        }
        Status status;
        String title;
        if (e instanceof RecordNotFoundException) {
            status = Status.NOT_FOUND;
            title = "Not found";
        } else if (e instanceof AccessDeniedException) {
            status = Status.FORBIDDEN;
            title = "Forbidden";
        } else if (e instanceof StaleVersionException) {
            status = Status.PRECONDITION_FAILED;
            title = "Changed by someone else";
        } else if (e instanceof PreconditionFailedException) {
            status = Status.PRECONDITION_FAILED;
            title = "Precondition failed";
        } else if (e instanceof CursorExpiredException) {
            status = Status.GONE;
            title = "Cursor expired";
        } else {
            status = Status.CONFLICT;
            title = "Refused by a library rule";
        }
        return Problem.of(e.code(), title, status, e.getMessage(), uriInfo.getRequestUri()).toResponse();
    }
}
