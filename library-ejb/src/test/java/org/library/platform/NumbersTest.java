package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "7, 7",
            "1813, 1813",
            "-500, -500",
            "+12, 12",
            "007, 7",
            "2147483647, 2147483647",
            "-2147483648, -2147483648",
    })
    void optionalSignAndAsciiDigitsAreANumber(String text, int expected) {
        assertThat(Numbers.parseInt(text)).isEqualTo(expected);
        assertThat(Numbers.parseLong(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0663",              // Arabic-Indic digit three, which Integer.parseInt reads as 3
            "\u0661\u0668\u0661\u0663", // 1813 in Arabic-Indic digits
            "\uFF13",              // full-width three
            "19\uFF19\uFF19",      // ASCII and full-width digits mixed
            "\u0969",              // Devanagari three
            "-\u0665",             // a sign before a non-ASCII digit
            "\uD835\uDFD1",        // mathematical bold three (outside the BMP)
            "-", "+", "--1", "+-1", "1-", " 1", "1 ", "1.0", "1e3", "0x10", "three", "١٢a",
            "2147483648",          // one more than an int holds
    })
    void anythingElseIsNotAnInt(String text) {
        assertThatThrownBy(() -> Numbers.parseInt(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotANumber(String text) {
        assertThatThrownBy(() -> Numbers.parseInt(text)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.parseLong(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0663", "\uFF13", "9223372036854775808"})
    void aLongHasTheSameRule(String text) {
        assertThatThrownBy(() -> Numbers.parseLong(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void onlyZeroToNineAreAsciiDigits() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(Numbers.isAsciiDigit(c)).as("U+%04X", (int) c).isEqualTo("0123456789".indexOf(c) >= 0);
        }
    }
}
