package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.library.changes.RecordType;

class WebhookEventsTest {

    private static final Instant AT = Instant.parse("2026-11-29T09:30:00Z");

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void aCatalogueEventCarriesTheRecordAndItsData() {
        JsonObject event = parse(WebhookEvents.body("evt_7", "book.updated", AT, RecordType.BOOK, 12, 3, "admin",
                "{\"title\":\"Emma\",\"copies\":2}", false));
        assertThat(event.getString("id")).isEqualTo("evt_7");
        assertThat(event.getString("type")).isEqualTo("book.updated");
        assertThat(event.getString("occurredAt")).isEqualTo("2026-11-29T09:30:00Z");
        assertThat(event.getJsonObject("record").toString()).isEqualTo("{\"type\":\"book\",\"id\":12,\"version\":3}");
        assertThat(event.getString("actor")).isEqualTo("admin");
        assertThat(event.getJsonObject("data").getString("title")).isEqualTo("Emma");
        assertThat(event.getBoolean("withheld")).isFalse();
    }

    @Test
    void personalDataIsWithheldUnlessTheEndpointGetsIt() {
        String state = "{\"name\":\"Ada\",\"email\":\"ada@example.org\"}";
        JsonObject withheld = parse(WebhookEvents.body("evt_8", "member.updated", AT, RecordType.MEMBER, 5, 2, "member:ada", state, false));
        assertThat(withheld.isNull("data")).isTrue();
        assertThat(withheld.getBoolean("withheld")).isTrue();
        assertThat(withheld.getString("actor")).isEqualTo("member");
        assertThat(withheld.toString()).doesNotContain("ada");

        JsonObject shown = parse(WebhookEvents.body("evt_8", "member.updated", AT, RecordType.MEMBER, 5, 2, "member:ada", state, true));
        assertThat(shown.getJsonObject("data").getString("email")).isEqualTo("ada@example.org");
        assertThat(shown.getString("actor")).isEqualTo("member:ada");
        assertThat(shown.getBoolean("withheld")).isFalse();
    }

    @Test
    void aDeletionHasNoDataAndWithholdsNothing() {
        JsonObject deleted = parse(WebhookEvents.body("evt_9", "member.deleted", AT, RecordType.MEMBER, 5, 3, "admin", null, false));
        assertThat(deleted.isNull("data")).isTrue();
        assertThat(deleted.getBoolean("withheld")).isFalse();
    }

    @Test
    void theEventIdOfAChangeIsItsPosition() {
        assertThat(WebhookEvents.eventId(42)).isEqualTo("evt_42");
    }
}
