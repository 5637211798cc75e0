package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    void anUnclosedQuoteIsRefusedAsInvalidCsv() {
        try (CsvSource source = new CsvSource(stream(HEADER + "M000001,\"Ada,a@x.org\n"), ImportKind.MEMBERS, n -> { })) {
            assertThatThrownBy(source::next).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not valid CSV from line 2");
        }
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
