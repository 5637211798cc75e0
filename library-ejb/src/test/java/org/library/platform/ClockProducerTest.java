package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code library.time-zone} setting as the clock reads it. */
class ClockProducerTest {

    @Test
    void withoutTheSettingTheLibraryRunsInTheJvmsZone() {
        assertThat(ClockProducer.zone(Optional.empty())).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void aRegionOrAnOffsetIsTheLibrarysZone() {
        assertThat(ClockProducer.zone(Optional.of("Europe/Berlin"))).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ClockProducer.zone(Optional.of("UTC"))).isEqualTo(ZoneId.of("UTC"));
        assertThat(ClockProducer.zone(Optional.of("+01:00"))).isEqualTo(ZoneId.of("+01:00"));
    }

    @Test
    void anUnknownZoneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ClockProducer.zone(Optional.of("Europe/Atlantis")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("library.time-zone").hasMessageContaining("'Europe/Atlantis'");
        assertThatThrownBy(() -> ClockProducer.zone(Optional.of("CEST!")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("library.time-zone");
    }
}
