package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.transfer.BoundedCsvReader.RECORD_CUT;
import static org.library.transfer.BoundedCsvReader.VALUE_CUT;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The reader's bounds, with small ones: what it passes on, and what the parser then reads. */
class BoundedCsvReaderTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    @Test
    void aFileWithinTheBoundsPassesUnchanged() {
        String csv = "isbn,title\r\n1,\"Commas, \"\"Quotes\"\"\r\nand Lines\"\n2,plain \"inner\" quotes\r3,\n\n,\"\"\r\n4,\"x\"  \n";

        assertThat(filtered(csv, 1000, 1000)).isEqualTo(csv);
    }

    @Test
    void aValueBeyondItsBoundIsCutAndTheRecordGoesOnAfterIt() {
        List<List<String>> records = parse(filtered("a,bbbbbbbbbb,c\nd,e,f\n", 4, 100));

        assertThat(records).containsExactly(List.of("a", "bbbb" + VALUE_CUT, "c"), List.of("d", "e", "f"));
    }

    @Test
    void aQuotedValueIsCutWithItsQuoteClosedAndADoubledQuoteNeverSplit() {
        // bbb, then "" (two characters as written) would make five: cut before it, not inside it
        String out = filtered("\"bbb\"\"x\nx\nx\",c\nd,e\n", 4, 100);

        assertThat(out).isEqualTo("\"bbb" + VALUE_CUT + "\",c\nd,e\n");
        assertThat(parse(out)).containsExactly(List.of("bbb" + VALUE_CUT, "c"), List.of("d", "e"));
    }

    @Test
    void aRecordBeyondItsBoundIsCutToItsEndAlsoWhenMadeOfEmptyValues() {
        List<List<String>> records = parse(filtered(",".repeat(50) + "\n" + "ab,\"cd\",ef,\"g,h\",ij\n" + "k,l\n", 100, 8));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).hasSizeLessThan(12).last().isEqualTo(String.valueOf(RECORD_CUT));
        assertThat(String.join("", records.get(1))).endsWith(String.valueOf(RECORD_CUT));
        assertThat(records.get(2)).containsExactly("k", "l");
    }

    @Test
    void eachRecordComesWithTheLineItStartsOnCountingTheLineBreaksOfValuesCutShort() throws IOException {
        String csv = "h1,h2\r\n"                          // line 1
                + "a,\"1\n2\n3\n4\n5\n6\n7\n8\"\r\n"         // lines 2-9, the value cut after 1\n
                + "\r\n"                                   // line 10, a blank record
                + "b,\"x\r\ny\"\n"                          // lines 11-12
                + "c,d";                                   // line 13
        BoundedCsvReader reader = new BoundedCsvReader(new StringReader(csv), 2, 100);
        List<CSVRecord> records;
        try (CSVParser parser = FORMAT.parse(reader)) {
            records = parser.getRecords();
        }

        assertThat(records).hasSize(5);
        List<Long> lines = new ArrayList<>();
        for (var line = reader.nextRecordLine(); line.isPresent(); line = reader.nextRecordLine()) {
            lines.add(line.getAsLong());
        }
        assertThat(lines).containsExactly(1L, 2L, 10L, 11L, 13L);
    }

    @Test
    void aQuoteThatNeverClosesIsToldWithItsLineAndTheRestOfTheFileIsNotKept() {
        BoundedCsvReader reader = new BoundedCsvReader(new StringReader("a,b\nc,\"d\n" + "e,f\n".repeat(1000)), 16, 64);

        String out = drain(reader);

        assertThat(out).isEqualTo("a,b\nc,\"d\ne,f\ne,f\ne,f\ne," + VALUE_CUT);
        assertThat(reader.unclosedQuoteLine()).hasValue(2);
    }

    @Test
    void aQuoteClosedByTheLastCharacterOfTheFileIsClosed() {
        BoundedCsvReader reader = new BoundedCsvReader(new StringReader("a,\"bcdefgh\""), 3, 64);

        assertThat(drain(reader)).isEqualTo("a,\"bcd" + VALUE_CUT + "\"");
        assertThat(reader.unclosedQuoteLine()).isEmpty();
    }

    @Test
    void theMarksInTheFileItselfArePassedOnAsReplacementCharacters() {
        assertThat(filtered("a" + VALUE_CUT + "," + RECORD_CUT + "b\n", 100, 100)).isEqualTo("a\uFFFD,\uFFFDb\n");
    }

    /**
     * Random files of the characters that matter, read by Commons CSV with and without the
     * reader: the same records in the same order; each one as it was or, beyond a bound, with a
     * mark where it was cut and what comes before the mark as it was. A file the parser refuses
     * only stays refused or has its refused part cut.
     */
    @Test
    void theParserReadsTheSameRecordsAsWithoutTheReaderExceptWhereItCut() {
        Random random = new Random(20261128);
        String alphabet = "ab\",\n\r ";
        int compared = 0;
        for (int round = 0; round < 10_000; round++) {
            StringBuilder csv = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                csv.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int maxValue = 1 + random.nextInt(8);
            int maxRecord = 1 + random.nextInt(20);
            List<List<String>> plain;
            try {
                plain = parse(csv.toString());
            } catch (UncheckedIOException e) {
                continue; // not CSV to begin with
            }
            BoundedCsvReader reader = new BoundedCsvReader(new Trickle(csv.toString(), random), maxValue, maxRecord);
            List<List<String>> bounded = parse(drain(reader));
            assertThat(bounded).as("records of [%s]", csv).hasSameSizeAs(plain);
            for (int r = 0; r < plain.size(); r++) {
                assertSameOrCut(bounded.get(r), plain.get(r), csv);
            }
            int records = 0;
            while (reader.nextRecordLine().isPresent()) {
                records++;
            }
            assertThat(records).as("record lines of [%s]", csv).isEqualTo(plain.size());
            compared++;
        }
        assertThat(compared).isGreaterThan(500);
    }

    private static void assertSameOrCut(List<String> bounded, List<String> plain, CharSequence csv) {
        String joined = String.join("\u0000", bounded);
        if (joined.indexOf(VALUE_CUT) < 0 && joined.indexOf(RECORD_CUT) < 0) {
            assertThat(bounded).as("record of [%s]", csv).isEqualTo(plain);
            return;
        }
        for (int v = 0; v < bounded.size(); v++) {
            String value = bounded.get(v);
            int cut = Math.max(value.indexOf(VALUE_CUT), value.indexOf(RECORD_CUT));
            if (cut >= 0) {
                if (v < plain.size()) {
                    assertThat(plain.get(v)).as("value %d of [%s]", v, csv).startsWith(value.substring(0, cut));
                }
                if (value.indexOf(RECORD_CUT) >= 0) {
                    return; // nothing of the record after the mark
                }
            } else {
                assertThat(value).as("value %d of [%s]", v, csv).isEqualTo(plain.get(v));
            }
        }
    }

    /** A reader that gives one to three characters at a time, as a network might. */
    private static final class Trickle extends Reader {

        private final StringReader in;
        private final Random random;

        Trickle(String text, Random random) {
            this.in = new StringReader(text);
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, 1 + random.nextInt(3)));
        }

        @Override
        public void close() {
            in.close();
        }
    }

    private static String filtered(String csv, int maxValue, int maxRecord) {
        return drain(new BoundedCsvReader(new StringReader(csv), maxValue, maxRecord));
    }

    private static String drain(Reader reader) {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7]; // small, so that reads end in the middle of everything
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<List<String>> parse(String csv) {
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
