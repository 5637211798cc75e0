package org.library.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One rejected input value, named as the caller knows it ({@code isbn}, {@code size}), with what is
 * wrong with it. The REST API lists these in a 400 problem; Faces shows each beside its field.
 */
public record FieldViolation(String field, String message) {

    /**
     * Natural keys (ISBN, member number, employee number) are fixed at creation: an update that
     * names another one is refused rather than silently ignored.
     *
     * @throws InvalidInputException when {@code requested} differs from {@code current}
     */
    public static void refuseChange(String field, String current, String requested) {
        if (!current.equals(requested)) {
            throw new InvalidInputException(List.of(new FieldViolation(field,
                    "cannot be changed (is " + current + "); create a new record instead")));
        }
    }

    /**
     * A write addressed by a natural key ({@code PUT …/by-number/M000123}) may repeat the key in its
     * body, or leave it out; a body naming another record is refused, never silently redirected.
     *
     * @throws InvalidInputException when {@code inBody} is given and differs from {@code inPath}
     */
    public static void refuseOtherKey(String field, NaturalKey inPath, NaturalKey inBody) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw new InvalidInputException(List.of(new FieldViolation(field,
                    "must be " + inPath + ", the key in the URL, or be left out (is " + inBody + ")")));
        }
    }

    public static List<FieldViolation> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldViolation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
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
