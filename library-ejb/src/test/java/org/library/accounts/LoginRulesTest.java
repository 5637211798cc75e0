package org.library.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The login settings as {@link LoginSettings} checks them when the application starts. */
class LoginRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 15 | 10 | 1 | library.login.max-failures must be at least 1, was 0",
            "5 | 0 | 10 | 1 | library.login.lock-minutes must be at least 1, was 0",
            "5 | 15 | -1 | 1 | library.login.client-failures must be at least 1, was -1",
            "5 | 15 | 10 | 0 | library.login.concurrent-checks must be at least 1, was 0",
    })
    void aCountOrTimeBelowOneIsRefusedNamingTheSetting(int maxFailures, int lockMinutes, int clientFailures,
                                                       int concurrentChecks, String message) {
        assertThatThrownBy(() -> new LoginRules(maxFailures, lockMinutes, clientFailures, concurrentChecks))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void byDefaultHalfTheProcessorsCheckPasswordsAtOnceAndAlwaysAtLeastOne() {
        assertThat(LoginRules.defaultConcurrentChecks(8)).isEqualTo(4);
        assertThat(LoginRules.defaultConcurrentChecks(1)).isEqualTo(1);
    }

    @Test
    void eachBlockDoublesTheOneBeforeAndNoneLastsOverADay() {
        LoginRules rules = new LoginRules(5, 15, 10, 1);
        assertThat(rules.block(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rules.block(10)).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.block(15)).isEqualTo(Duration.ofMinutes(60));
        assertThat(rules.block(5 * 40)).isEqualTo(Duration.ofDays(1));
    }
}
