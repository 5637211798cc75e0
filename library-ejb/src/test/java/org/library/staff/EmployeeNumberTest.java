package org.library.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmployeeNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "E1234|E1234",
            "e123456|E123456",
            "  E12345 |E12345",
            "\te9999\t|E9999",
    })
    void anEmployeeNumberTypedInAnyCaseOrWithSpaceAroundIsTheSameEmployee(String input, String employee) {
        assertThat(EmployeeNumber.parse(input)).map(EmployeeNumber::value).contains(employee);
        assertThat(EmployeeNumber.parse(input)).contains(EmployeeNumber.of(employee));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "E123",         // three digits
            "E1234567",     // seven
            "E 1234",       // a space inside
            "M000123",      // a card number
            "1234",
            "E123a",
            "E\uFF11\uFF12\uFF13\uFF14", // full-width digits
            "E\u0661\u0662\u0663\u0664", // Arabic-Indic digits
    })
    void anythingElseIsNoEmployeeNumber(String input) {
        assertThat(EmployeeNumber.parse(input)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> EmployeeNumber.of(input));
    }

    @Test
    void anInputTooLongToBeAnEmployeeNumberIsRefusedWithoutBeingScanned() {
        assertThat(EmployeeNumber.parse(" ".repeat(100_000) + "E1234")).isEmpty();
    }

    @Test
    void anEmployeeNumberIsWrittenAsItsNormalForm() {
        assertThat(EmployeeNumber.of("e1234")).hasToString("E1234");
    }
}
