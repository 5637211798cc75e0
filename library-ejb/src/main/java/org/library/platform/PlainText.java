package org.library.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Text a person could have typed: no control characters but the line breaks and tabs of a
 * multi-line field. A NUL or an escape in a name is never meant, shows as nothing or garbage on a
 * page and in an export, and PostgreSQL refuses a NUL in any text value (which came back as a 500
 * where Derby stored it) — so it is refused at the service's door, for every front door alike.
 */
public final class PlainText {

    static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }

    /** Whether {@code text} (may be {@code null}) has no control character but tab, line feed and carriage return. */
    public static boolean isPlain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @throws InvalidInputException naming {@code field} when {@code text} is not plain */
    public static String require(String field, String text) {
        if (!isPlain(text)) {
            throw new InvalidInputException(List.of(new FieldViolation(field, MESSAGE)));
        }
        return text;
    }

    /** A violation for each text component of {@code input} (a record) that is not plain; none for other types. */
    static List<FieldViolation> violations(Object input) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!input.getClass().isRecord()) {
            return violations;
        }
        for (RecordComponent component : input.getClass().getRecordComponents()) {
            if (component.getType() == String.class && !isPlain((String) value(component, input))) {
                violations.add(new FieldViolation(component.getName(), MESSAGE));
            }
        }
        return violations;
    }

    private static Object value(RecordComponent component, Object input) {
        java.lang.reflect.Method accessor = component.getAccessor();
        accessor.trySetAccessible(); // an input record need not be public
        try {
            return accessor.invoke(input);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + input.getClass().getName(), e);
        }
    }
}
