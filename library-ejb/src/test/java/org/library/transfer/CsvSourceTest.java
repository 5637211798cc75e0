package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.library.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class CsvSourceTest {

    private static final String HEADER = "member_number,name,email\r\n";

    @Test
    void eachRowComesWithTheLineItStartsOnEvenAfterAQuotedValueSpanningLines() {
        List<CsvSource.Row> rows = read(HEADER + "M000001,Ada,a@x.org\r\n"
                + "M000002,\"Two\nLines\",b@x.org\r\n"
                + "M000003,Cy,c@x.org\r\n");

        assertThat(rows).extracting(CsvSource.Row::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(1).get("name")).isEqualTo("Two\nLines");
    }

    @Test
    void valuesAreStrippedAndABlankValueIsNoValue() {
        CsvSource.Row row = read(HEADER + " M000001 ,  ,a@x.org\n").get(0);

        assertThat(row.get("member_number")).isEqualTo("M000001");
        assertThat(row.get("name")).isNull();
        assertThat(row.get("joined_on")).isNull(); // a column the header does not have
    }

    @Test
    void theQuoteAnExportPutsBeforeAFormulaIsTakenAwayAndNoOtherQuote() {
        CsvSource.Row formula = read(HEADER + "M000001,'=HYPERLINK(\"http://x.example\"),'-500\n").get(0);
        CsvSource.Row quoted = read(HEADER + "M000002,  ''@home  ,'Salem's Lot\n").get(0);

        assertThat(formula.get("name")).isEqualTo("=HYPERLINK(\"http://x.example\")");
        assertThat(formula.get("email")).isEqualTo("-500");
        assertThat(quoted.get("name")).isEqualTo("'@home");
        assertThat(quoted.get("email")).isEqualTo("'Salem's Lot");
    }

    @Test
    void columnsMayComeInAnyOrderAndALeadingByteOrderMarkIsSkipped() {
        CsvSource.Row row = read("\uFEFFemail,name,member_number\nz@x.org,Zed,M000009\n").get(0);

        assertThat(row.get("member_number")).isEqualTo("M000009");
        assertThat(row.get("email")).isEqualTo("z@x.org");
    }

    @Test
    void aRowWithTooFewOrTooManyValuesIsRagged() {
        List<CsvSource.Row> rows = read(HEADER + "M000001,Ada\nM000002,Bo,b@x.org,extra\nM000003,Cy,c@x.org\n");

        assertThat(rows).extracting(CsvSource.Row::ragged).containsExactly(true, true, false);
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefusedNamingThem() {
        assertThatThrownBy(() -> read("member_number,name,mail\nM000001,Ada,a@x.org\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the column(s) email")
                .hasMessageContaining("unknown column(s) mail");
    }

    @Test
    void anEmptyFileIsRefusedForItsMissingColumns() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the column(s) member_number, name, email");
    }

    @Test
    void aRowWithBytesThatAreNotUtf8IsGarbledAndTheRowsAroundItAreNot() {
        byte[] latin1 = (HEADER + "M000001,Ada,a@x.org\nM000002,Zoë,z@x.org\nM000003,Cy,c@x.org\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        try (CsvSource source = new CsvSource(new ByteArrayInputStream(latin1), ImportKind.MEMBERS, n -> { })) {
            assertThat(source.next().garbled()).isFalse();
            CsvSource.Row zoe = source.next();
            assertThat(zoe.garbled()).isTrue();
            assertThat(zoe.line()).isEqualTo(3);
            assertThat(source.next().garbled()).isFalse();
        }
    }

    @Test
    void aHeaderThatIsNotUtf8IsRefused() {
        byte[] utf16 = (HEADER + "M000001,Ada,a@x.org\n").getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> new CsvSource(new ByteArrayInputStream(utf16), ImportKind.MEMBERS, n -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineItOpensOn() {
        try (CsvSource source = new CsvSource(stream(HEADER + "M000001,Ada,a@x.org\nM000002,\"Bo,b@x.org\nM000003,Cy,c@x.org\n"),
                ImportKind.MEMBERS, n -> { })) {
            assertThat(source.next().line()).isEqualTo(2);
            assertThatThrownBy(source::next).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("file has a quote opened on line 3 that is never closed");
        }
    }

    @Test
    void otherBrokenQuotingIsRefusedFromTheLineOfItsRecord() {
        try (CsvSource source = new CsvSource(stream(HEADER + "M000001,Ada,a@x.org\n\nM000002,\"Bo\"x,b@x.org\n"),
                ImportKind.MEMBERS, n -> { })) {
            source.next();
            assertThat(source.next().blank()).isTrue();
            assertThatThrownBy(source::next).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not valid CSV from line 4 on").hasMessageContaining("check the quotes");
        }
    }

    // ---- bounds: values of 200 MB, generated as they are read, never held by the test either ----

    private static final long HUGE = 200L * 1024 * 1024;

    @Test
    void aQuotedValueOfTwoHundredMegabytesIsCutAndItsRowTooLongAndTheNextRowIsRead() {
        String before = HEADER + "M000001,\"";
        String after = "\",a@x.org\r\nM000002,Bo,b@x.org\r\n";
        AtomicLong bytes = new AtomicLong();
        try (CsvSource source = new CsvSource(generated(before, HUGE, after), ImportKind.MEMBERS, bytes::set)) {
            CsvSource.Row huge = source.next();
            assertThat(huge.line()).isEqualTo(2);
            assertThat(huge.tooLong()).isEqualTo("name: is longer than 65,536 characters, the most a value may have");
            assertThat(huge.record().get(1).length()).isEqualTo(CsvSource.MAX_VALUE_CHARS + 1); // all the parser ever held
            assertThat(huge.get("email")).isEqualTo("a@x.org");

            CsvSource.Row next = source.next();
            assertThat(next.line()).isEqualTo(3);
            assertThat(next.tooLong()).isNull();
            assertThat(next.get("name")).isEqualTo("Bo");
            assertThat(source.next()).isNull();
        }
        assertThat(bytes.get()).isEqualTo(before.length() + HUGE + after.length()); // read to the end
    }

    @Test
    void aQuoteThatNeverClosesBeforeTwoHundredMegabytesIsRefusedAtTheEndOfTheFile() {
        AtomicLong bytes = new AtomicLong();
        String before = HEADER + "M000001,Ada,a@x.org\nM000002,\"";
        try (CsvSource source = new CsvSource(generated(before, HUGE, ""), ImportKind.MEMBERS, bytes::set)) {
            assertThat(source.next().get("name")).isEqualTo("Ada");
            assertThatThrownBy(source::next).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("file has a quote opened on line 3 that is never closed");
        }
        assertThat(bytes.get()).isEqualTo(before.length() + HUGE);
    }

    @Test
    void aLineWithoutEndIsARowTooLong() {
        try (CsvSource source = new CsvSource(generated(HEADER + "M000001,", 10L * 1024 * 1024, ""), ImportKind.MEMBERS, n -> { })) {
            CsvSource.Row huge = source.next();
            assertThat(huge.line()).isEqualTo(2);
            assertThat(huge.tooLong()).startsWith("name: is longer than 65,536 characters");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void aRowOfValuesEachWithinTheirBoundButTooManyIsTooLong() {
        String row = "M000001," + "x".repeat(60_000) + ",a@x.org" + ",".repeat(CsvSource.MAX_RECORD_CHARS) + "\n";
        try (CsvSource source = new CsvSource(stream(HEADER + row + "M000002,Bo,b@x.org\n"), ImportKind.MEMBERS, n -> { })) {
            CsvSource.Row tooMany = source.next();
            assertThat(tooMany.tooLong()).isEqualTo("is longer than 524,288 characters, the most a row may have");
            assertThat(tooMany.size()).isLessThan(CsvSource.MAX_RECORD_CHARS - 60_000);
            assertThat(source.next().get("name")).isEqualTo("Bo");
        }
    }

    @Test
    void aFirstLineWithoutEndIsNoHeaderAndTheFileIsRefused() {
        assertThatThrownBy(() -> new CsvSource(generated("", 10L * 1024 * 1024, ""), ImportKind.MEMBERS, n -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file does not start with a header row: its first line is longer than a header can be");
    }

    @Test
    void aHeaderOfManyUnknownColumnsNamesTheFirstFew() {
        String header = "member_number,name,email," + IntStream.range(0, 5000).mapToObj(i -> "extra" + i)
                .collect(Collectors.joining(",")) + "\n";

        assertThatThrownBy(() -> read(header)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown column(s) extra0, extra1, extra2, extra3, extra4, extra5, extra6, extra7, extra8, extra9 and 4990 more;")
                .hasMessageNotContaining("extra10");
    }

    @Test
    void aValueInAMessageIsShownWholeWhenShortElseItsBeginningNeverHalfACharacter() {
        assertThat(CsvSource.shown("short", 40)).isEqualTo("short");
        assertThat(CsvSource.shown("x".repeat(100), 40)).isEqualTo("x".repeat(40) + "…");
        assertThat(CsvSource.shown("x".repeat(39) + "\uD835\uDFD1" + "y", 40)).isEqualTo("x".repeat(39) + "…");
    }

    /** {@code before}, then {@code length} bytes of x made as they are read, then {@code after}. */
    private static InputStream generated(String before, long length, String after) {
        InputStream xs = new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int n) {
                if (left == 0) {
                    return -1;
                }
                int count = (int) Math.min(n, left);
                Arrays.fill(buffer, offset, offset + count, (byte) 'x');
                left -= count;
                return count;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(stream(before), xs, stream(after))));
    }

    @Test
    void theBytesReadAreReported() {
        AtomicLong bytes = new AtomicLong();
        String csv = HEADER + "M000001,Ada,a@x.org\n";
        try (CsvSource source = new CsvSource(stream(csv), ImportKind.MEMBERS, bytes::set)) {
            while (source.next() != null) {
                // read to the end
            }
        }
        assertThat(bytes.get()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
    }

    private static List<CsvSource.Row> read(String csv) {
        List<CsvSource.Row> rows = new ArrayList<>();
        try (CsvSource source = new CsvSource(stream(csv), ImportKind.MEMBERS, n -> { })) {
            for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
