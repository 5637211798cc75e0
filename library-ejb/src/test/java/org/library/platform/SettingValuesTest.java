package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers from the text of settings, as every component reads them. */
class SettingValuesTest {

    @Test
    void aWholeNumberIsReadWithTheSpacesAroundIt() {
        assertThat(SettingValues.wholeNumber("library.max-loans", " 8 ")).isEqualTo(8);
        assertThat(SettingValues.wholeNumber("library.max-renewals", "-1")).isEqualTo(-1);
        assertThat(SettingValues.longNumber("library.limits.csv-body-bytes", "4294967296")).isEqualTo(4_294_967_296L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5O", "2.5", "", "0x10", "1e3"})
    void textThatIsNoWholeNumberIsRefusedNamingTheSetting(String text) {
        assertThatThrownBy(() -> SettingValues.wholeNumber("library.max-loans", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library.max-loans must be a whole number, was '" + text + "'");
    }

    @Test
    void aNumberAnIntCannotHoldIsRefusedWhereAnIntIsWanted() {
        assertThatThrownBy(() -> SettingValues.wholeNumber("library.loan-period-days", "4294967296"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("library.loan-period-days must be a whole number up to 2147483647");
    }
}
