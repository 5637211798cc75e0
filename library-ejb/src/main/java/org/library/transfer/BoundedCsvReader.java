package org.library.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * The text of a CSV file on its way to the parser, with no value and no record longer than a
 * bound: the parser keeps a whole value in memory until it ends, so one value of 200 MB (a line
 * without end, or a quote that never closes) would otherwise be held whole.
 *
 * <p>It follows RFC 4180 as Commons CSV's {@code CSVFormat.RFC4180} reads it — a comma between
 * values, a quote that opens a value only as its first character, {@code ""} for a quote inside
 * one, CR, LF or CRLF ending a record outside quotes — so that it sees every value and record
 * where the parser will. What goes beyond a bound is dropped, not passed on:
 *
 * <ul>
 *   <li>a value longer than {@code maxValue} characters is cut there and ends in {@link #VALUE_CUT};
 *       the rest of the value is skipped, and the record goes on after it;</li>
 *   <li>a record longer than {@code maxRecord} characters (delimiters and quotes counted, so that
 *       a million empty values count too) has {@link #RECORD_CUT} in its last value passed on; the
 *       rest of the record is skipped up to its end.</li>
 * </ul>
 *
 * A quote of a value that was passed on is always closed, and every record end is passed on, so
 * the parser reads on in step with the file. Dropped characters are still read, and counted for
 * the line numbers: the file is read to its end in constant memory however long a value is.
 *
 * <p>The two marks are Unicode noncharacters, never text; one in the file itself is passed on as
 * U+FFFD, the replacement character, which is how a value not in UTF-8 looks.
 */
final class BoundedCsvReader extends Reader {

    /** Stands, in a value, for the characters of it that were dropped. */
    static final char VALUE_CUT = '\uFFFF';

    /** Stands, in the last value of a record, for the rest of the record that was dropped. */
    static final char RECORD_CUT = '\uFFFE';

    private static final char REPLACEMENT = '\uFFFD';
    private static final char QUOTE = '"';
    private static final char DELIMITER = ',';
    private static final int CHUNK = 8192;

    private enum State { VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTE }

    private enum Cut { NONE, VALUE, RECORD }

    private final Reader in;
    private final int maxValue;
    private final int maxRecord;

    private final char[] input = new char[CHUNK];
    // one character read gives at most three to pass on (a closing quote, a comma, a mark)
    private final char[] output = new char[3 * CHUNK];
    private int outputStart;
    private int outputEnd;
    private boolean endOfInput;

    private State state = State.VALUE_START;
    private Cut cut = Cut.NONE;
    /** The opening quote of the current value was passed on, so its closing quote must be. */
    private boolean quotePassed;
    private int valueChars;
    private int recordChars;

    private long line = 1;
    private boolean afterCarriageReturn;
    private boolean atRecordStart = true;
    private long quoteLine;
    /** The line each record starts on, for the records read but not yet taken by {@link #nextRecordLine}. */
    private final Deque<Long> recordLines = new ArrayDeque<>();

    BoundedCsvReader(Reader in, int maxValue, int maxRecord) {
        this.in = in;
        this.maxValue = maxValue;
        this.maxRecord = maxRecord;
    }

    /**
     * The line of the file the next record starts on (the parser reads ahead, so this is a queue
     * of the records this reader has passed on and the caller has not yet taken), or empty when no
     * record was begun. Counted here, from every character, because a value cut short no longer
     * has all its line breaks for the parser to count.
     */
    OptionalLong nextRecordLine() {
        Long next = recordLines.poll();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** As {@link #nextRecordLine}, without taking it. */
    OptionalLong peekRecordLine() {
        Long next = recordLines.peek();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** The line a quoted value opened on when the file ended inside it, else empty. */
    OptionalLong unclosedQuoteLine() {
        return endOfInput && state == State.QUOTED ? OptionalLong.of(quoteLine) : OptionalLong.empty();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outputStart == outputEnd) {
            if (endOfInput) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, outputEnd - outputStart);
        System.arraycopy(output, outputStart, buffer, offset, n);
        outputStart += n;
        return n;
    }

    private void fill() throws IOException {
        outputStart = 0;
        outputEnd = 0;
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            endOfInput = true;
            if (state == State.QUOTE_IN_QUOTED) { // the last quote of the file closed its value
                closeQuote();
                state = State.AFTER_QUOTE;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            accept(input[i]);
        }
    }

    private void accept(char read) {
        char c = read == VALUE_CUT || read == RECORD_CUT ? REPLACEMENT : read;
        countLine(c);
        switch (state) {
            case VALUE_START -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    quoteLine = line;
                    quotePassed = cut != Cut.RECORD;
                    if (quotePassed) {
                        pass(c);
                        recordChars++;
                    }
                } else if (!endsValue(c)) {
                    state = State.UNQUOTED;
                    content(c);
                }
            }
            case UNQUOTED -> {
                if (!endsValue(c)) {
                    content(c);
                }
            }
            case QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTE_IN_QUOTED; // a closing quote, or the first of "" — the next character says
                } else {
                    content(c);
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    escapedQuote();
                } else {
                    closeQuote();
                    state = State.AFTER_QUOTE;
                    afterQuote(c);
                }
            }
            case AFTER_QUOTE -> afterQuote(c);
        }
    }

    /** Between a closing quote and the next comma: blanks, which the parser skips without keeping. */
    private void afterQuote(char c) {
        if (!endsValue(c) && cut != Cut.RECORD) {
            pass(c);
        }
    }

    /** A comma or a record end outside quotes: handled, and true; anything else: false. */
    private boolean endsValue(char c) {
        if (c == DELIMITER) {
            if (cut == Cut.RECORD) {
                // the rest of the record is being skipped
            } else if (recordChars >= maxRecord) {
                pass(DELIMITER);
                pass(RECORD_CUT); // an unquoted value of its own, so that the record end closes it
                cut = Cut.RECORD;
            } else {
                pass(DELIMITER);
                recordChars++;
                cut = Cut.NONE;
            }
            valueChars = 0;
            quotePassed = false;
            state = State.VALUE_START;
            return true;
        }
        if (c == '\r' || c == '\n') {
            pass(c);
            valueChars = 0;
            recordChars = 0;
            cut = Cut.NONE;
            quotePassed = false;
            state = State.VALUE_START;
            atRecordStart = true;
            return true;
        }
        return false;
    }

    private void content(char c) {
        if (cut != Cut.NONE) {
            return;
        }
        if (valueChars + 1 > maxValue) {
            cutValue();
        } else if (recordChars + 1 > maxRecord) {
            cutRecord();
        } else {
            pass(c);
            valueChars++;
            recordChars++;
        }
    }

    /** {@code ""} in a quoted value: passed on or dropped together, never split. */
    private void escapedQuote() {
        if (cut != Cut.NONE) {
            return;
        }
        if (valueChars + 2 > maxValue) {
            cutValue();
        } else if (recordChars + 2 > maxRecord) {
            cutRecord();
        } else {
            pass(QUOTE);
            pass(QUOTE);
            valueChars += 2;
            recordChars += 2;
        }
    }

    private void closeQuote() {
        if (quotePassed) {
            pass(QUOTE);
            recordChars++;
        }
        quotePassed = false;
        if (cut == Cut.VALUE) {
            cut = Cut.NONE;
        }
    }

    private void cutValue() {
        pass(VALUE_CUT);
        recordChars++;
        cut = Cut.VALUE;
    }

    private void cutRecord() {
        pass(RECORD_CUT);
        cut = Cut.RECORD;
    }

    private void pass(char c) {
        output[outputEnd++] = c;
    }

    /** Lines as an editor counts them: CR, LF and CRLF each end one, inside quotes too. */
    private void countLine(char c) {
        boolean secondOfCrLf = c == '\n' && afterCarriageReturn;
        if (atRecordStart && !secondOfCrLf) {
            recordLines.add(line);
            atRecordStart = false;
        }
        if (c == '\r' || (c == '\n' && !secondOfCrLf)) {
            line++;
        }
        afterCarriageReturn = c == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
