package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void retryHoursFromOneToAWeekAreTaken() {
        assertThat(WebhookSettings.retryFor("24")).isEqualTo(Duration.ofHours(24));
        assertThat(WebhookSettings.retryFor(" 1 ")).isEqualTo(Duration.ofHours(1));
        assertThat(WebhookSettings.retryFor("168")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void otherValuesAreRefusedNamingTheSetting() {
        for (String wrong : new String[] {"0", "169", "-1", "2O", "", "1.5"}) {
            assertThatThrownBy(() -> WebhookSettings.retryFor(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("library.webhooks.retry-hours");
        }
    }
}
