package org.library.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.util.OptionalLong;
import org.library.platform.Numbers;

/**
 * Whole numbers in forms and view parameters, ASCII digits only (see {@link Numbers}): Faces' own
 * converters use {@code Integer.valueOf}, which also takes "٣" or "３". Registered in
 * faces-config.xml for {@code Integer} and {@code Long} (the backing beans use no primitive), in place of the
 * standard ones; the message is the standard key's, from the application's bundle.
 */
abstract class AsciiNumberConverter<T> implements Converter<T> {

    private final long min;
    private final long max;
    private final String messageKey;

    AsciiNumberConverter(long min, long max, String messageKey) {
        this.min = min;
        this.max = max;
        this.messageKey = messageKey;
    }

    abstract T box(long value);

    @Override
    public T getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OptionalLong parsed = Numbers.parseLong(value.strip());
        if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
            String message = Messages.bundle(context, messageKey);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
        return box(parsed.getAsLong());
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, T value) {
        return value == null ? "" : value.toString();
    }

    /** For {@code Integer} properties. */
    public static class Integers extends AsciiNumberConverter<Integer> {
        public Integers() {
            super(Integer.MIN_VALUE, Integer.MAX_VALUE, "jakarta.faces.converter.IntegerConverter.INTEGER");
        }

        @Override
        Integer box(long value) {
            return (int) value;
        }
    }

    /** For {@code Long} properties. */
    public static class Longs extends AsciiNumberConverter<Long> {
        public Longs() {
            super(Long.MIN_VALUE, Long.MAX_VALUE, "jakarta.faces.converter.LongConverter.LONG");
        }

        @Override
        Long box(long value) {
            return value;
        }
    }
}
