package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The request body limits as {@link ApiSettings} checks them when the application starts. */
class BodyLimitsTest {

    @Test
    void theDefaultsAre64KiBOfJsonAnd256MiBOfCsv() {
        BodyLimits defaults = new BodyLimits(Long.parseLong(BodyLimits.DEFAULT_JSON_LIMIT), Long.parseLong(BodyLimits.DEFAULT_CSV_LIMIT));
        assertThat(defaults.jsonBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.csvBytes()).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void aLimitOfNoBytesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new BodyLimits(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library.limits.json-body-bytes must be a number of bytes above 0, was 0");
        assertThatThrownBy(() -> new BodyLimits(1, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library.limits.csv-body-bytes must be a number of bytes above 0, was -5");
    }

    @Test
    void aJsonLimitAboveSixteenMebibytesIsRefusedForABodyIsReadIntoMemoryWhole() {
        assertThat(new BodyLimits(BodyLimits.JSON_CEILING, 1).jsonBytes()).isEqualTo(16L * 1024 * 1024);
        assertThatThrownBy(() -> new BodyLimits(3L * 1024 * 1024 * 1024, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library.limits.json-body-bytes must be at most 16777216 bytes (a JSON body is read into memory whole), was 3221225472");
    }
}
