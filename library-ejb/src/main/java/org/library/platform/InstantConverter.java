package org.library.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores an {@link Instant} as milliseconds since 1970-01-01T00:00Z in a {@code BIGINT} column:
 * UTC by definition, the same number on Derby and PostgreSQL, with no time zone anywhere between
 * the entity and the row (schema V6, {@link UtcInstantsMigration}).
 *
 * <p>Not a SQL {@code TIMESTAMP}: Derby 10.15 has no {@code TIMESTAMP WITH TIME ZONE} and no JDBC
 * 4.2 {@code java.time} binding, and EclipseLink binds a {@code java.sql.Timestamp} without a
 * calendar, so the driver writes it as the wall-clock time of the JVM's default zone. In a zone
 * with daylight saving time that wall clock repeats an hour each autumn: a loan borrowed at 02:40
 * summer time and returned half an hour later, at 02:10 winter time, was stored as returned before
 * it was borrowed, and refused by {@code ck_loans_returned}.
 *
 * <p>Milliseconds are the precision stored; the application's clock ticks in milliseconds too
 * ({@link ClockProducer}), so an instant reads back exactly as it was written.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
