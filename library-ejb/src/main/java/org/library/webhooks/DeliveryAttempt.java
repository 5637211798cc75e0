package org.library.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint, as the page and the API list them.
 *
 * @param httpStatus the receiver's status; null when no answer came (refused, timed out)
 * @param error      what went wrong, bounded; null when it was delivered
 * @param state      where its delivery stands now: PENDING (retried later), DELIVERED or GAVE_UP
 */
public record DeliveryAttempt(long id, long deliveryId, String eventId, String eventType, Instant attemptedAt,
                              Integer httpStatus, long latencyMs, String error, String state) implements java.io.Serializable {

    public boolean succeeded() {
        return error == null;
    }
}
