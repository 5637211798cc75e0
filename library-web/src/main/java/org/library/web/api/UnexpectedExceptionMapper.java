package org.library.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort for a failure no other mapper knows — a defect or an outage, not bad input:
 * logged in full with an incident id, answered as a 500 problem that carries the id and nothing
 * of the exception (no stack trace, no server internals). Business failures and invalid input
 * never get here: they have their own mappers.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, e, () -> "Incident " + incident + " on " + uriInfo.getRequestUri());
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "The request failed on the server (incident " + incident + "); nothing was changed. "
                        + "Please try again later or report the incident id.", uriInfo.getRequestUri()).toResponse();
    }
}
