package org.library.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "M000123|M000123",
            "m000123|M000123",
            "  M000123 |M000123",
            "\tm999999\t|M999999",
    })
    void aCardNumberTypedInAnyCaseOrWithSpaceAroundIsTheSameCard(String input, String card) {
        assertThat(MemberNumber.parse(input)).map(MemberNumber::value).contains(card);
        assertThat(MemberNumber.parse(input)).contains(MemberNumber.of(card));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "M12345",       // five digits
            "M1234567",     // seven
            "M 000123",     // a space inside
            "N000123",      // another letter
            "000123",
            "M00012a",
            "M\uFF10\uFF10\uFF10\uFF11\uFF12\uFF13", // full-width digits
            "M\u0660\u0660\u0660\u0661\u0662\u0663", // Arabic-Indic digits
    })
    void anythingElseIsNoCardNumber(String input) {
        assertThat(MemberNumber.parse(input)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> MemberNumber.of(input));
    }

    @Test
    void anInputTooLongToBeACardNumberIsRefusedWithoutBeingScanned() {
        assertThat(MemberNumber.parse(" ".repeat(100_000) + "M000123")).isEmpty();
    }

    @Test
    void aCardNumberIsWrittenAsItsNormalForm() {
        assertThat(MemberNumber.of("m000123")).hasToString("M000123");
    }
}
