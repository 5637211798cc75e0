package org.library.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.library.changes.ChangeAction;
import org.library.changes.RecordType;
import org.library.platform.FieldViolation;

/**
 * What an endpoint may be: an absolute http or https URL with a host, no user name or password in
 * it (a secret in a URL ends up in logs and on the page; the signature is the credential), no
 * fragment, at most {@link WebhookEndpoint#URL_LENGTH} characters; and the event types it may ask
 * for: {@code <record type>.<action>}, {@code <record type>.*}, or {@code *} for every event. Which hosts an endpoint may
 * reach is the operator's to restrict, outside the application (docs/events.md).
 */
final class WebhookTargets {

    /** The event types of an endpoint that wants every event. */
    static final String EVERY_EVENT = "*";

    private WebhookTargets() {
    }

    /** Why {@code url} cannot be an endpoint; empty when it can. */
    static Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > WebhookEndpoint.URL_LENGTH) {
            return Optional.of("must be at most " + WebhookEndpoint.URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; the signature authenticates the library");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        return Optional.empty();
    }

    /**
     * The event types, each once, in the order given, or {@value #EVERY_EVENT} alone for every event
     * (also when none are given: {@code null}); violations for an empty list and names of no event.
     */
    static List<String> eventTypes(List<String> requested, List<FieldViolation> violations) {
        if (requested == null || requested.stream().anyMatch(t -> t != null && t.strip().equals(EVERY_EVENT))) {
            return List.of(EVERY_EVENT);
        }
        if (requested.isEmpty()) {
            violations.add(new FieldViolation("eventTypes", "must name at least one event type, or be [\"*\"] (or left out) "
                    + "for every event"));
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String type : requested) {
            String name = type == null ? "" : type.strip();
            if (known(name)) {
                types.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            violations.add(new FieldViolation("eventTypes", "has unknown event types " + unknown
                    + "; an event type is <record type>.<action> (e.g. book.created) or <record type>.* (e.g. loan.*)"));
        }
        return List.copyOf(types);
    }

    private static boolean known(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String action = name.substring(dot + 1);
        return RecordType.byWireName(name.substring(0, dot)).isPresent()
                && (action.equals("*") || ChangeAction.byWireName(action).isPresent());
    }

    /** Whether an endpoint asking for {@code wanted} gets the event {@code event}. */
    static boolean matches(List<String> wanted, String event) {
        if (wanted.contains(EVERY_EVENT)) {
            return true;
        }
        String type = event.substring(0, Math.max(0, event.indexOf('.')));
        return wanted.contains(event) || wanted.contains(type + ".*");
    }
}
