package org.library.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.library.webhooks.DeliveryAttempt;
import org.library.webhooks.EndpointData;
import org.library.webhooks.IssuedEndpoint;
import org.library.webhooks.WebhookEndpoint;
import org.library.webhooks.Webhooks;
import org.library.web.security.CurrentCaller;

/**
 * The webhooks page, for staff: register an endpoint (its secret is shown once, on the answer to
 * the creation), see each endpoint's state (active, or disabled and why) with its latest attempts,
 * send it a test event, disable and enable it, delete it. The rules are the webhook service's;
 * its messages appear beside {@code url} and {@code eventTypes}.
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the secret of an endpoint just made waits to be rendered: the request, never this bean (see TokensBacking). */
    static final String ISSUED_SECRET = "org.library.issuedWebhookSecret";

    private static final String ATTEMPTS_READ = "org.library.webhookAttemptsRead";

    /** How many of an endpoint's latest attempts the page shows. */
    static final int RECENT_ATTEMPTS = 5;

    @Inject
    private Webhooks webhooks;

    @Inject
    private CurrentCaller caller;

    private String url;
    /** Event types separated by spaces or commas; empty: every event. */
    private String eventTypes;
    private boolean personalData;

    private final ServicePageModel<WebhookEndpoint> list = new ServicePageModel<>(
            (request, sort) -> webhooks.endpoints(request, sort), new SortOrder("createdAt", false), WebhookEndpoint::getId);

    public String create() {
        caller.requireStaff();
        IssuedEndpoint issued = webhooks.create(new EndpointData(url, types(eventTypes), personalData, true));
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().put(ISSUED_SECRET, issued.secret());
        Messages.info("The endpoint " + issued.endpoint().getUrl() + " is registered. Copy its secret now: it is shown only this once.");
        url = null;
        eventTypes = null;
        personalData = false;
        return null;
    }

    public void sendTest(WebhookEndpoint endpoint) {
        caller.requireStaff();
        String eventId = webhooks.sendTest(endpoint.getId());
        Messages.info("A test event (" + eventId + ") is on its way to " + endpoint.getUrl()
                + "; its attempt appears below within seconds (reload the page).");
    }

    public void enable(WebhookEndpoint endpoint) {
        caller.requireStaff();
        webhooks.setActive(endpoint.getId(), endpoint.getVersion(), true);
        Messages.info("The endpoint " + endpoint.getUrl() + " is enabled: its deliveries resume.");
    }

    public void disable(WebhookEndpoint endpoint) {
        caller.requireStaff();
        webhooks.setActive(endpoint.getId(), endpoint.getVersion(), false);
        Messages.info("The endpoint " + endpoint.getUrl() + " is disabled: it gets no events until it is enabled.");
    }

    public void delete(WebhookEndpoint endpoint) {
        caller.requireStaff();
        webhooks.delete(endpoint.getId(), endpoint.getVersion());
        Messages.info("The endpoint " + endpoint.getUrl() + " is deleted.");
    }

    public String state(WebhookEndpoint endpoint) {
        return endpoint.isActive() ? "active" : "disabled";
    }

    public String eventTypesOf(WebhookEndpoint endpoint) {
        return endpoint.getEventTypes().contains("*") ? "every event" : String.join(" ", endpoint.getEventTypes());
    }

    /** The endpoint's latest attempts, newest first. */
    @SuppressWarnings("unchecked")
    public List<DeliveryAttempt> recentAttempts(WebhookEndpoint endpoint) {
        // read once per endpoint and request: EL asks for a row's value more than once while rendering
        Map<Long, List<DeliveryAttempt>> read = (Map<Long, List<DeliveryAttempt>>) FacesContext.getCurrentInstance()
                .getExternalContext().getRequestMap().computeIfAbsent(ATTEMPTS_READ, key -> new HashMap<>());
        return read.computeIfAbsent(endpoint.getId(),
                id -> webhooks.attempts(id, PageRequest.first(RECENT_ATTEMPTS)).items());
    }

    public String outcome(DeliveryAttempt attempt) {
        String status = attempt.httpStatus() == null ? "no answer" : "HTTP " + attempt.httpStatus();
        return attempt.succeeded() ? status : status + " — " + attempt.error();
    }

    /** The event types typed, separated by spaces or commas; none typed: null, every event. */
    static List<String> types(String text) {
        return text == null || text.isBlank() ? null
                : Arrays.stream(text.split("[\\s,]+")).filter(t -> !t.isEmpty()).toList();
    }

    public ServicePageModel<WebhookEndpoint> getList() {
        return list;
    }

    /** The secret of the endpoint made by this very request, else null. */
    public String getIssuedSecret() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(ISSUED_SECRET);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public boolean isPersonalData() {
        return personalData;
    }

    public void setPersonalData(boolean personalData) {
        this.personalData = personalData;
    }
}
