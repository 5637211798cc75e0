package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The circulation settings as {@link CirculationPolicy} checks them when the application starts. */
class CirculationRulesTest {

    private static CirculationRules defaults() {
        return new CirculationRules(Integer.parseInt(CirculationRules.DEFAULT_LOAN_PERIOD_DAYS),
                Integer.parseInt(CirculationRules.DEFAULT_MAX_LOANS), Integer.parseInt(CirculationRules.DEFAULT_MAX_RENEWALS),
                Integer.parseInt(CirculationRules.DEFAULT_RENEWAL_GRACE_DAYS),
                Integer.parseInt(CirculationRules.DEFAULT_HOLD_PICKUP_DAYS), Integer.parseInt(CirculationRules.DEFAULT_MAX_HOLDS));
    }

    @Test
    void theDefaultsAreKohasAndFoliosUsualRules() {
        assertThat(defaults()).isEqualTo(new CirculationRules(21, 5, 2, 3, 3, 10));
    }

    @Test
    void noRenewalsAndNoGraceAreRulesALibraryCanWorkBy() {
        assertThat(new CirculationRules(14, 1, 0, 0, 1, 1).maxRenewals()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 5 | 2 | 3 | 3 | 10 | library.loan-period-days must be at least 1, was 0",
            "21 | 0 | 2 | 3 | 3 | 10 | library.max-loans must be at least 1, was 0",
            "21 | 5 | -1 | 3 | 3 | 10 | library.max-renewals must not be negative, was -1",
            "21 | 5 | 2 | -3 | 3 | 10 | library.renewal-grace-days must not be negative, was -3",
            "21 | 5 | 2 | 3 | 0 | 10 | library.hold-pickup-days must be at least 1, was 0",
            "21 | 5 | 2 | 3 | 3 | -10 | library.max-holds must be at least 1, was -10",
    })
    void aRuleTheLibraryCannotWorkByIsRefusedNamingTheSetting(int loanPeriodDays, int maxLoans, int maxRenewals,
                                                              int renewalGraceDays, int holdPickupDays, int maxHolds,
                                                              String message) {
        assertThatThrownBy(() -> new CirculationRules(loanPeriodDays, maxLoans, maxRenewals, renewalGraceDays, holdPickupDays,
                maxHolds)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
