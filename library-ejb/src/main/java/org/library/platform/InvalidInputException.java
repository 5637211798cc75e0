package org.library.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a field's limits (Bean Validation on the service's input records): nothing
 * was written, and {@link #violations()} says which fields to fix (HTTP 400).
 *
 * <p>The services check their input themselves rather than through container method validation,
 * whose {@code ConstraintViolationException} reaches the caller wrapped in an
 * {@code EJBException} when the ejb jar sits in a WAR (there, a jar's {@code ejb-jar.xml} cannot
 * declare it an application exception).
 */
public class InvalidInputException extends LibraryException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return "validation";
    }
}
