package org.library.web.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.library.platform.FieldViolation;

/**
 * Invalid query parameters or request bodies, caught by JAX-RS validation before a resource
 * method runs, to a 400 problem with one entry per bad field, named as the client sent it.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return Problem.invalid(FieldViolation.of(e.getConstraintViolations()), uriInfo.getRequestUri()).toResponse();
    }
}
