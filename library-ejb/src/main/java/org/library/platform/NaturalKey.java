package org.library.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A natural key's value (an ISBN, a card number): one normal form, compared by it, written as
 * it. Subclasses parse their inputs once, where they enter the system, and are carried as their
 * type from there on: equal keys are equal objects, and no service or finder normalises again.
 */
public abstract class NaturalKey implements Serializable, Comparable<NaturalKey> {

    private static final long serialVersionUID = 1L;

    private final String value;

    protected NaturalKey(String value) {
        this.value = value;
    }

    /**
     * The usual parse of a code typed at a desk: surrounding space ignored, upper case,
     * then the whole of it must match {@code normal} (ASCII digits only: Java's {@code \d}).
     */
    protected static <K extends NaturalKey> Optional<K> parseCode(String input, Pattern normal, int maxInput,
            Function<String, K> create) {
        if (input == null || input.length() > maxInput) {
            return Optional.empty();
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        return normal.matcher(code).matches() ? Optional.of(create.apply(code)) : Optional.empty();
    }

    /**
     * A front door's parse of the text typed into {@code field}: the key; or {@code null}, with the
     * refusal in {@code refused} for {@link Inputs#refuseWithTheRest} (no text: {@code null} alone,
     * for the input record's {@code @NotNull} to say).
     */
    public static <K extends NaturalKey> K parse(String field, String text, Function<String, Optional<K>> parse,
            String form, List<FieldViolation> refused) {
        if (text == null) {
            return null;
        }
        Optional<K> key = parse.apply(text);
        if (key.isEmpty()) {
            refused.add(new FieldViolation(field, form));
        }
        return key.orElse(null);
    }

    /** The normal form, as stored. */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(NaturalKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o != null && o.getClass() == getClass() && value.equals(((NaturalKey) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
