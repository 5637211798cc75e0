package org.library.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a flag as 0/1 in a {@code SMALLINT} column checked to those two values.
 *
 * <p>Why not SQL {@code BOOLEAN}: EclipseLink's Derby platform (inherited from DB2) turns a
 * boolean query parameter into the integer 1/0, and Derby refuses to compare a BOOLEAN column with
 * an integer ("Comparisons between 'BOOLEAN' and 'INTEGER' are not supported";
 * eclipse-ee4j/eclipselink#1578). With this converter the column and every parameter are integers
 * on every database, and {@code CHECK (x IN (0, 1))} keeps the column a flag.
 */
@Converter
public class BooleanToIntegerConverter implements AttributeConverter<Boolean, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Boolean value) {
        return value == null ? null : value ? 1 : 0;
    }

    @Override
    public Boolean convertToEntityAttribute(Integer value) {
        return value == null ? null : value != 0;
    }
}
