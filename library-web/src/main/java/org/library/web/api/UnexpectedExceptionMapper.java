package org.library.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.library.platform.SqlStates;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort for a failure no other mapper knows. A database that does not answer, and a
 * transaction the database aborted for a lock conflict (deadlock victim, lock wait timeout),
 * changed nothing and are answered 503 with {@code Retry-After}; so is a connection lost during the
 * commit itself, whose outcome nobody here knows (type {@code outcome-unknown}, saying so). Anything else is a defect or an outage, not bad input:
 * logged in full with an incident id, answered as a 500 problem that carries the id and nothing
 * of the exception (no stack trace, no server internals). Business failures and invalid input
 * never get here: they have their own mappers.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    /** The problem of a commit whose outcome is unknown: the change may or may not have been saved. */
    static final String OUTCOME_UNKNOWN = "outcome-unknown";

    /** How long a client waits before asking again while the database does not answer: about what it takes to come back. */
    static final int UNAVAILABLE_RETRY_SECONDS = 5;

    /** 503 with {@code Retry-After}: the database does not answer; nothing was changed. */
    static Response unavailable(java.net.URI instance) {
        return Response.fromResponse(Problem.of("unavailable", "Service unavailable", Response.Status.SERVICE_UNAVAILABLE,
                "The library's database does not answer right now; nothing was changed. Try again in a few seconds.",
                instance).toResponse()).header("Retry-After", UNAVAILABLE_RETRY_SECONDS).build();
    }

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        java.util.Optional<Response> tooLarge = RequestBodies.tooLarge(e, uriInfo.getRequestUri());
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        if (SqlStates.isUnavailable(e)) {
            LOG.log(Level.WARNING, "The database does not answer ({0}) on {1}", new Object[] {e, uriInfo.getRequestUri()});
            return unavailable(uriInfo.getRequestUri());
        }
        if (SqlStates.isCommitOutcomeUnknown(e)) {
            LOG.log(Level.WARNING, "The database connection failed while committing ({0}) on {1}", new Object[] {e, uriInfo.getRequestUri()});
            return Response.fromResponse(Problem.of(OUTCOME_UNKNOWN, "Outcome unknown", Response.Status.SERVICE_UNAVAILABLE,
                    "The library's database stopped answering while the change was being saved: it may or may not "
                            + "have been saved. Once it answers again, read the record before sending the request again.",
                    uriInfo.getRequestUri()).toResponse()).header("Retry-After", UNAVAILABLE_RETRY_SECONDS).build();
        }
        if (SqlStates.isTransientConflict(e)) {
            LOG.log(Level.INFO, "Transaction aborted by a lock conflict on {0}; the client may retry", uriInfo.getRequestUri());
            return Response.fromResponse(Problem.of("busy", "Busy, try again", Response.Status.SERVICE_UNAVAILABLE,
                    "The request met a concurrent one on the same records and was rolled back; nothing was "
                            + "changed. Send it again.", uriInfo.getRequestUri()).toResponse()).header("Retry-After", 1).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, e, () -> "Incident " + incident + " on " + uriInfo.getRequestUri());
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "The request failed on the server (incident " + incident + "); nothing was changed. "
                        + "Please try again later or report the incident id.", uriInfo.getRequestUri()).toResponse();
    }
}
