package org.library.webhooks;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import org.library.changes.RecordType;

/**
 * The body of a webhook request, one JSON object, stable (docs/events.md):
 * {@code {"id", "type", "occurredAt", "record": {"type", "id", "version"}, "actor", "data", "withheld"}}.
 * {@code data} is the record's fields after the change as the change log keeps them, null when it
 * was deleted, and null with {@code withheld: true} when the record is personal data
 * ({@link RecordType#readScope()}) and the endpoint does not get personal data; then a card
 * holder acting for themselves is {@code member}, without their name, as in the feed.
 */
final class WebhookEvents {

    /** The type of the event "send a test event" sends. */
    static final String TEST = "webhook.test";

    private WebhookEvents() {
    }

    /** The id of the event of the change at {@code position}: the same on every retry, every endpoint, every instance. */
    static String eventId(long position) {
        return "evt_" + position;
    }

    static String body(String eventId, String event, Instant occurredAt, RecordType type, long recordId, long version,
                       String actor, String state, boolean personalData) {
        boolean withheld = type.readScope().isPresent() && !personalData;
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", event)
                .add("occurredAt", occurredAt.toString())
                .add("record", Json.createObjectBuilder().add("type", type.wireName()).add("id", recordId).add("version", version))
                .add("actor", personalData ? actor : shown(actor));
        if (state == null || withheld) {
            body.addNull("data");
        } else {
            try (JsonReader reader = Json.createReader(new StringReader(state))) {
                body.add("data", reader.readObject());
            }
        }
        return body.add("withheld", withheld && state != null).build().toString();
    }

    /** The body of a test event to endpoint {@code endpoint}, sent on staff's request. */
    static String testBody(String eventId, Instant at, String actor, long endpoint) {
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", TEST)
                .add("occurredAt", at.toString())
                .addNull("record")
                .add("actor", actor)
                .add("data", Json.createObjectBuilder().add("endpoint", endpoint)
                        .add("message", "A test event sent from the library's webhooks page or API."))
                .add("withheld", false)
                .build().toString();
    }

    /** A card holder's name only to endpoints that get personal data. */
    private static String shown(String actor) {
        return Optional.ofNullable(actor).filter(a -> a.startsWith("member:")).map(a -> "member").orElse(actor);
    }
}
