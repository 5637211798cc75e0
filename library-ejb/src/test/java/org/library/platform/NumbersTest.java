package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @Test
    void readsAsciiDigitsWithAnOptionalMinus() {
        assertThat(Numbers.parseLong("0")).hasValue(0);
        assertThat(Numbers.parseLong("48")).hasValue(48);
        assertThat(Numbers.parseLong("-500")).hasValue(-500);
        assertThat(Numbers.parseLong("999999999999999999")).hasValue(999_999_999_999_999_999L);
        assertThat(Numbers.parseLong("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(Numbers.parseLong("-9223372036854775808")).hasValue(Long.MIN_VALUE);
        assertThat(Numbers.parseInt("2147483647")).hasValue(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+48", " 48", "48 ", "4 8", "4.8", "0x30", "1e3",
            "\u0664\u0668",            // 48 in Arabic-Indic digits, which Long.parseLong accepts
            "\uFF14\uFF18",            // and in full-width digits
            "\u0968\u096A",            // Devanagari
            "\u0661\u0668\u0661\u0663", // 1813 in Arabic-Indic digits
            "19\uFF19\uFF19",          // ASCII and full-width digits mixed
            "\uD835\uDFD1",            // mathematical bold three (outside the BMP)
            "--1"})
    void refusesEverythingElse(String text) {
        assertThat(Numbers.parseLong(text)).isEmpty();
        assertThat(Numbers.isAsciiDigits(text)).isFalse();
    }

    @Test
    void refusesMoreDigitsThanALongHasBeforeReadingThem() {
        assertThat(Numbers.parseLong("9223372036854775808")).isEmpty();
        assertThat(Numbers.parseLong("10000000000000000000")).isEmpty();
        assertThat(Numbers.parseLong("9".repeat(10_000))).isEmpty();
    }

    @Test
    void intsStayWithinTheirRange() {
        assertThat(Numbers.parseInt("2147483648")).isEmpty();
        assertThat(Numbers.parseInt("-2147483649")).isEmpty();
    }

    @Test
    void onlyZeroToNineAreAsciiDigits() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(Numbers.isAsciiDigit(c)).as("U+%04X", (int) c).isEqualTo("0123456789".indexOf(c) >= 0);
        }
    }
}
