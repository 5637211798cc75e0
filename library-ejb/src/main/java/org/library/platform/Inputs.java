package org.library.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a service's input record against its Bean Validation constraints, and its text
 * components against {@link PlainText}: the one door every front door's input goes through.
 */
@ApplicationScoped
public class Inputs {

    @Inject
    Validator validator;

    /**
     * @param groups the Bean Validation groups to check; none: the default group
     * @return {@code input}, when valid
     * @throws InvalidInputException listing every invalid field
     */
    public <T> T valid(T input, Class<?>... groups) {
        if (input == null) {
            throw new InvalidInputException(List.of(new FieldViolation("body", "is required")));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input, groups);
        List<FieldViolation> invalid = new ArrayList<>(FieldViolation.of(violations));
        invalid.addAll(PlainText.violations(input));
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return input;
    }
}
