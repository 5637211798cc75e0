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

    /**
     * Refuses input some of whose natural keys its front door could not parse ({@code refused}),
     * together with whatever else the service's input record breaks ({@code data}, with those keys
     * missing): one refusal lists every field to fix, as it does when the keys are right. Nothing
     * happens when {@code refused} is empty.
     *
     * @throws InvalidInputException listing the refused keys and every other invalid field
     */
    public void refuseWithTheRest(List<FieldViolation> refused, Object data, Class<?>... groups) {
        if (refused.isEmpty()) {
            return;
        }
        Set<String> keys = refused.stream().map(FieldViolation::field).collect(java.util.stream.Collectors.toSet());
        List<FieldViolation> all = new ArrayList<>(refused);
        try {
            valid(data, groups);
        } catch (InvalidInputException e) {
            e.violations().stream().filter(v -> !keys.contains(v.field())).forEach(all::add);
        }
        all.sort(java.util.Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        throw new InvalidInputException(all);
    }
}
