package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The anonymisation period's setting: whole months, 1 to 1200, anything else stops the start naming the setting. */
class PrivacySettingsTest {

    @Test
    void wholeMonthsInRangeAreTaken() {
        assertThat(PrivacySettings.loanHistoryMonths("18")).isEqualTo(18);
        assertThat(PrivacySettings.loanHistoryMonths(" 1 ")).isEqualTo(1);
        assertThat(PrivacySettings.loanHistoryMonths("1200")).isEqualTo(1200);
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"0", "-3", "1201", "eighteen", "1.5", ""}) {
            assertThatThrownBy(() -> PrivacySettings.loanHistoryMonths(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("library.privacy.loan-history-months");
        }
    }
}
