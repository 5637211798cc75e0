package org.library.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Invalid input — query parameters, request bodies, or service arguments — to a 400 problem with
 * one entry per bad field, named as the client sent it.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? "The field " + errors.get(0).field() + " is invalid: " + errors.get(0).message() + "."
                : errors.size() + " fields are invalid; see errors.";
        return Problem.of("validation", "Invalid input", Status.BAD_REQUEST, detail, uriInfo.getRequestUri())
                .withErrors(errors).toResponse();
    }

    /**
     * The path of a violation without the method and parameter nodes of method validation:
     * {@code list.size} becomes {@code size}, {@code create.data.isbn} becomes {@code isbn}.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        Path.Node parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node;
                continue;
            }
            if (node.getName() != null) {
                names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            }
        }
        if (names.isEmpty()) {
            return parameter != null ? parameter.getName() : violation.getPropertyPath().toString();
        }
        return String.join(".", names);
    }
}
