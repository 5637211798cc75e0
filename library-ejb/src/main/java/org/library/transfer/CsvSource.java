package org.library.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;

/**
 * A CSV file read one record at a time, never whole: RFC 4180, a header row, UTF-8.
 *
 * <ul>
 *   <li>The header must name every required column and nothing unknown — a misspelt optional
 *       column would otherwise be ignored without a word. Column order is free.</li>
 *   <li>The bytes must be UTF-8. A header that is not is refused; a row that is not is
 *       {@link Row#garbled()}, for the caller to refuse — by row rather than for the whole file,
 *       because the decoder reads ahead of the parser and would otherwise blame the wrong line.
 *       A leading byte order mark (as spreadsheet programs write) is skipped.</li>
 *   <li>Each record comes with the line of the file it starts on, which is what a person looks
 *       for in an editor (a quoted value may span lines).</li>
 *   <li>A value the exports wrote with a quote in front, so that a spreadsheet does not run it as
 *       a formula, is read without it ({@link FormulaEscaping}).</li>
 *   <li>No value longer than {@link #MAX_VALUE_CHARS} and no record longer than
 *       {@link #MAX_RECORD_CHARS} is held in memory ({@link BoundedCsvReader}): such a row is
 *       {@link Row#tooLong()}, for the caller to refuse, and the rows after it are read as usual.
 *       A quote that never closes makes the rest of the file one value: that is a problem with the
 *       file, found when its end is reached.</li>
 * </ul>
 *
 * A problem with the file as a whole is an {@link InvalidInputException} for the field
 * {@code file}; a problem with one row is the caller's to report.
 */
final class CsvSource implements AutoCloseable {

    /**
     * The most characters one value may have. Far above any value the import accepts (a title has
     * at most 300, a name 200, an e-mail address 254), so that only a file that is not what it
     * claims to be reaches it; low enough that a value is never a memory problem. A constant
     * rather than a setting: no value that needs more could be imported anyway.
     */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    /**
     * The most characters one record may have, commas and quotes included: a row of the widest
     * kind (seven columns) with every value at {@link #MAX_VALUE_CHARS} fits. It also bounds the
     * number of values in a record, which a line of nothing but commas would otherwise not.
     */
    static final int MAX_RECORD_CHARS = 512 * 1024;

    /** One data row and the line it starts on. */
    record Row(long line, CSVRecord record, Map<String, Integer> columns) {

        /**
         * The value of a column, stripped, and without the quote an export puts in front of a
         * formula ({@link FormulaEscaping}); {@code null} when blank or when the header lacks it.
         */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = FormulaEscaping.unescape(record.get(index).strip());
            return value.isEmpty() ? null : value;
        }

        /** A line with nothing on it at all (a trailing empty line, say). */
        boolean blank() {
            return record.size() == 1 && record.get(0).isEmpty();
        }

        /** Bytes that were not UTF-8: the decoder put U+FFFD in their place. */
        boolean garbled() {
            for (String value : record) {
                if (value.indexOf(REPLACEMENT) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Why the row cannot be read whole: it, or a value in it, is longer than the file may have
         * ({@link #MAX_RECORD_CHARS}, {@link #MAX_VALUE_CHARS}); {@code null} when it is not.
         */
        String tooLong() {
            for (String value : record) {
                if (value.indexOf(BoundedCsvReader.RECORD_CUT) >= 0) {
                    return "is longer than " + count(MAX_RECORD_CHARS) + " characters, the most a row may have";
                }
            }
            for (int i = 0; i < record.size(); i++) {
                if (record.get(i).indexOf(BoundedCsvReader.VALUE_CUT) >= 0) {
                    return column(i) + ": is longer than " + count(MAX_VALUE_CHARS) + " characters, the most a value may have";
                }
            }
            return null;
        }

        private String column(int index) {
            return columns.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst()
                    .orElse("value " + (index + 1));
        }

        /** The number of values differs from the number of columns. */
        boolean ragged() {
            return record.size() != columns.size();
        }

        int size() {
            return record.size();
        }
    }

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final BoundedCsvReader bounded;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;

    /**
     * @param bytesRead told, now and then, how many bytes of {@code in} have been read
     * @throws InvalidInputException when the file is empty, not UTF-8, or its header is not right
     */
    CsvSource(InputStream in, ImportKind kind, LongConsumer bytesRead) {
        bounded = new BoundedCsvReader(skipByteOrderMark(new InputStreamReader(new CountingStream(in, bytesRead),
                StandardCharsets.UTF_8)), MAX_VALUE_CHARS, MAX_RECORD_CHARS);
        // the format BoundedCsvReader follows: change one, change the other
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).get();
        try {
            parser = format.parse(bounded);
        } catch (CSVException | IllegalArgumentException e) {
            throw invalidFile("has no readable header row: " + shown(String.valueOf(e.getMessage()), 300));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bounded.nextRecordLine(); // the header's
        columns = parser.getHeaderMap();
        if (columns.keySet().stream().anyMatch(name -> name.indexOf(BoundedCsvReader.VALUE_CUT) >= 0
                || name.indexOf(BoundedCsvReader.RECORD_CUT) >= 0)) {
            throw invalidFile("does not start with a header row: its first line is longer than a header can be ("
                    + count(MAX_VALUE_CHARS) + " characters in a value, " + count(MAX_RECORD_CHARS) + " in the line)");
        }
        if (columns.keySet().stream().anyMatch(name -> name.indexOf(REPLACEMENT) >= 0 || name.indexOf('\0') >= 0)) {
            throw invalidFile("is not UTF-8 text; save it as CSV UTF-8 and import it again");
        }
        checkHeader(kind);
        records = parser.iterator();
    }

    /**
     * @return the next row, or {@code null} at the end of the file
     * @throws InvalidInputException when the rest of the file is not CSV (a quote left open)
     */
    Row next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            // the reader saw the start of every record the parser returns; the parser's count is
            // the fallback, short of the line breaks of values cut short
            return new Row(bounded.nextRecordLine().orElseGet(parser::getCurrentLineNumber), record, columns);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                long line = bounded.peekRecordLine().orElse(parser.getCurrentLineNumber());
                throw invalidFile(bounded.unclosedQuoteLine().isPresent()
                        ? "has a quote opened on line " + bounded.unclosedQuoteLine().getAsLong()
                                + " that is never closed, which makes the rest of the file one value; check the quotes"
                        : "is not valid CSV from line " + line + " on (" + e.getCause().getMessage() + "); check the quotes");
            }
            throw e;
        }
    }

    /** A value as a message quotes it: whole when short, else its beginning. */
    static String shown(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max; // never half a character
        return value.substring(0, end) + "…";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private void checkHeader(ImportKind kind) {
        List<String> missing = new ArrayList<>(kind.required());
        missing.removeAll(columns.keySet());
        List<String> unknown = new ArrayList<>(columns.keySet());
        unknown.removeAll(kind.columns());
        List<FieldViolation> problems = new ArrayList<>();
        String expected = "; the columns are " + String.join(",", kind.required())
                + (kind.optional().isEmpty() ? "" : " and optionally " + String.join(",", kind.optional()));
        if (!missing.isEmpty()) {
            problems.add(new FieldViolation("header", "lacks the column(s) " + String.join(", ", missing) + expected));
        }
        if (!unknown.isEmpty()) {
            // a long line of made-up names: the first few say enough
            String named = unknown.stream().limit(10).map(name -> shown(name, 40)).collect(Collectors.joining(", "))
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "");
            problems.add(new FieldViolation("header", "has unknown column(s) " + named + expected));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static InvalidInputException invalidFile(String message) {
        return new InvalidInputException(List.of(new FieldViolation("file", message)));
    }

    private static Reader skipByteOrderMark(Reader reader) {
        PushbackReader pushback = new PushbackReader(reader, 1);
        try {
            int first = pushback.read();
            if (first != -1 && first != BOM) {
                pushback.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pushback;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // the input was read to where it matters; closing it cannot change the outcome
        }
    }

    /** Counts the bytes read, for the progress of an import. */
    private static final class CountingStream extends FilterInputStream {

        private final LongConsumer listener;
        private long count;

        CountingStream(InputStream in, LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                listener.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                listener.accept(count);
            }
            return n;
        }
    }
}
