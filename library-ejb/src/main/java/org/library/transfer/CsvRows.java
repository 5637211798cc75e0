package org.library.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.Numbers;

/**
 * What the importers of every kind do with a row: read the next one, refuse a row that cannot be
 * read, parse its values (numbers, dates, yes/no, natural keys by their own parsers), and check
 * the record it makes against the service's input record, naming the CSV's columns.
 */
final class CsvRows {

    /** Rows per transaction: big enough for the statement batches to pay, small enough to keep locks short. */
    static final int BATCH = 1000;

    private CsvRows() {
    }

    /**
     * The next row; when the file breaks off (a quote left open), the good rows
     * read before the break are written first: they are as good as in a file that ended there.
     */
    static CsvSource.Row next(CsvSource source, Runnable writePending) {
        try {
            return source.next();
        } catch (InvalidInputException e) {
            writePending.run();
            throw e;
        }
    }

    /**
     * Brings the import's row up to date between batches (see {@link ImportJob#dueForSave()}): its
     * heartbeat, and the rows refused since the last batch.
     */
    static void save(ImportJobs jobs, ImportJob job) {
        ImportJob.Checkpoint progress = job.checkpoint();
        jobs.save(progress);
        job.saved(progress, 0, 0, 0, List.of());
    }

    static boolean unreadable(CsvSource.Row row, ImportJob job) {
        String tooLong = row.tooLong();
        if (tooLong != null) {
            job.rejected(new RowError(row.line(), tooLong));
            return true;
        }
        if (row.garbled()) {
            job.rejected(new RowError(row.line(), "is not UTF-8 text; save the file as CSV UTF-8 and import it again"));
            return true;
        }
        if (row.ragged()) {
            job.rejected(new RowError(row.line(), "has " + row.size() + " value" + (row.size() == 1 ? "" : "s")
                    + " where the header has " + row.columns().size() + " columns"));
            return true;
        }
        return false;
    }

    /** Bean Validation of the input record, its field names turned into the CSV's column names. */
    static void check(Inputs inputs, Object data, Map<String, String> columns, List<String> problems) {
        try {
            inputs.valid(data);
        } catch (InvalidInputException e) {
            for (FieldViolation violation : e.violations()) {
                problems.add(columns.getOrDefault(violation.field(), violation.field()) + ": " + violation.message());
            }
        }
    }

    /** A natural key's column, parsed the way every front door parses it. */
    static <K> K key(CsvSource.Row row, String column, java.util.function.Function<String, Optional<K>> parse,
            String form, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null; // the record's @NotNull says so
        }
        Optional<K> key = parse.apply(value);
        if (key.isEmpty()) {
            problems.add(column + ": " + form);
        }
        return key.orElse(null);
    }

    static Integer integer(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        java.util.OptionalInt number = Numbers.parseInt(value);
        if (number.isEmpty()) {
            problems.add(column + ": must be a whole number, not \"" + shown(value) + "\"");
            return null;
        }
        return number.getAsInt();
    }

    static LocalDate date(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(column + ": must be a date such as 2024-03-31, not \"" + shown(value) + "\"");
            return null;
        }
    }

    static Boolean flag(CsvSource.Row row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add(column + ": must be true or false, not \"" + shown(value) + "\"");
                yield null;
            }
        };
    }

    /**
     * A value quoted in a reason: a report keeps up to {@link ImportJob#MAX_LISTED_ERRORS}
     * reasons, and a value may be up to {@link CsvSource#MAX_VALUE_CHARS} long.
     */
    static String shown(String value) {
        return CsvSource.shown(value, 40);
    }
}
