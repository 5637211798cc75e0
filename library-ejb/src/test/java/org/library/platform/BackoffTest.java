package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesFromTenSecondsWithoutJitter() {
        assertThat(Backoff.after(1, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(2, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(3, 0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Backoff.after(9, 0)).isEqualTo(Duration.ofSeconds(2560));
    }

    @Test
    void theDelayIsCappedAtAnHourHoweverManyFailures() {
        assertThat(Backoff.after(10, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.after(63, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.after(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterStretchesADelayByUpToHalf() {
        assertThat(Backoff.after(1, 0.5)).isEqualTo(Duration.ofMillis(12_500));
        assertThat(Backoff.after(1, 0.999_999)).isLessThan(Duration.ofSeconds(15)).isGreaterThanOrEqualTo(Duration.ofMillis(14_999));
        assertThat(Backoff.after(40, 0.999_999)).isLessThan(Duration.ofMinutes(90));
    }

    @Test
    void thereIsNoDelayBeforeAFirstFailure() {
        assertThatThrownBy(() -> Backoff.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
