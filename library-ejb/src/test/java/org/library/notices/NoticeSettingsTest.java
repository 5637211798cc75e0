package org.library.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.library.notices.NoticeSettings.Tls;
import org.library.notices.NoticeSettings.Values;

class NoticeSettingsTest {

    private static Values values(String host, String port, String tls, String from, String url) {
        return NoticeSettings.values(Optional.ofNullable(host), Optional.ofNullable(port), tls, Optional.empty(), Optional.empty(),
                Optional.ofNullable(from), "City Library", Optional.ofNullable(url), "3", "7", "24");
    }

    @Test
    void withoutAHostMailIsOffAndNothingElseIsRequired() {
        Values off = values(null, null, "starttls", null, null);

        assertThat(off.host()).isEmpty();
        assertThat(values(" ", null, "starttls", null, null).host()).as("blank is not set").isEmpty();
    }

    @Test
    void theDefaultPortFollowsTheTlsMode() {
        assertThat(values("smtp.example.org", null, "starttls", "a@example.org", "https://l.example.org").port()).isEqualTo(587);
        assertThat(values("smtp.example.org", null, "SSL", "a@example.org", "https://l.example.org").port()).isEqualTo(465);
        assertThat(values("smtp.example.org", null, "none", "a@example.org", "https://l.example.org").port()).isEqualTo(25);
        assertThat(values("smtp.example.org", "2525", "none", "a@example.org", "https://l.example.org").tls()).isEqualTo(Tls.NONE);
    }

    @Test
    void withAHostTheSenderAndThePublicAddressAreRequiredAndChecked() {
        assertThatThrownBy(() -> values("smtp.example.org", null, "starttls", null, "https://l.example.org"))
                .hasMessageContaining("library.mail.from is required");
        assertThatThrownBy(() -> values("smtp.example.org", null, "starttls", "not an address", "https://l.example.org"))
                .hasMessageContaining("library.mail.from must be an e-mail address");
        assertThatThrownBy(() -> values("smtp.example.org", null, "starttls", "a@example.org", null))
                .hasMessageContaining("library.public-url is required");
        assertThatThrownBy(() -> values("smtp.example.org", null, "starttls", "a@example.org", "ftp://l.example.org"))
                .hasMessageContaining("library.public-url must be the http(s) address");
        Values on = values("smtp.example.org", null, "starttls", "desk@example.org", "https://l.example.org/library/");
        assertThat(on.publicUrl()).as("no trailing slash, links add theirs").isEqualTo("https://l.example.org/library");
        assertThat(on.from().getPersonal()).isEqualTo("City Library");
    }

    @Test
    void numbersOutOfRangeAndUnknownModesAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> values("h", "70000", "none", "a@example.org", "https://l.example.org"))
                .hasMessageContaining("library.mail.port");
        assertThatThrownBy(() -> values("h", null, "tls1.3", "a@example.org", "https://l.example.org"))
                .hasMessageContaining("library.mail.tls must be starttls, ssl or none");
        assertThatThrownBy(() -> NoticeSettings.values(Optional.empty(), Optional.empty(), "none", Optional.empty(), Optional.empty(),
                Optional.empty(), "L", Optional.empty(), "3", "24", "24")).hasMessageContaining("library.notices.digest-hour");
        assertThatThrownBy(() -> NoticeSettings.values(Optional.empty(), Optional.empty(), "none", Optional.empty(), Optional.empty(),
                Optional.empty(), "L", Optional.empty(), "-1", "7", "24")).hasMessageContaining("library.notices.due-soon-days");
        assertThat(NoticeSettings.values(Optional.empty(), Optional.empty(), "none", Optional.empty(), Optional.empty(),
                Optional.empty(), "L", Optional.empty(), "3", "7", "48").retry()).isEqualTo(Duration.ofHours(48));
    }
}
