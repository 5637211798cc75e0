package org.library.webhooks;

import java.util.List;

/**
 * An endpoint as staff make or replace it: its URL ({@link WebhookTargets} says which), the event
 * types it wants ({@code *}, or left out: every event; an empty list is refused, as saying nothing),
 * whether it gets personal data (default: no), and whether it is active (default: yes; making an
 * inactive one active again resumes its deliveries).
 */
public record EndpointData(String url, List<String> eventTypes, Boolean personalData, Boolean active) {

    public EndpointData {
        eventTypes = eventTypes == null ? null : eventTypes.stream().map(t -> t == null ? "" : t).toList();
    }
}
