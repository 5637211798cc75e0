package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.webhooks.DeliveryAttempt;
import org.library.webhooks.EndpointData;
import org.library.webhooks.IssuedEndpoint;
import org.library.webhooks.WebhookEndpoint;
import org.library.webhooks.Webhooks;

/**
 * Webhook endpoints: made by staff (the secret is in the answer to the POST and nowhere else),
 * read, replaced and deleted with If-Match like every record, sent a test event, and their
 * delivery attempts listed. What is sent, and how to verify it: docs/events.md.
 */
@Path("webhooks")
@ApplicationScoped
@Allowed(Roles.ADMINISTRATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** An endpoint as made or replaced. */
    @Schema(name = "WebhookInput")
    public record WebhookInput(@Schema(example = "https://sync.example.org/library-events", required = true,
                                       description = "http or https, no user name or password, at most 500 characters")
                               String url,
                               @Schema(type = SchemaType.ARRAY, implementation = String.class, example = "[\"book.created\", \"loan.*\"]",
                                       description = "<record type>.<action>, <record type>.*, or * for every event "
                                               + "(also when left out); an empty list is refused")
                               List<String> eventTypes,
                               @Schema(example = "false",
                                       description = "whether members', loans', holds', librarians' and accounts' fields are sent; default false")
                               Boolean personalData,
                               @Schema(example = "true", description = "default true; true on a disabled endpoint resumes its deliveries")
                               Boolean active) {

        EndpointData data() {
            return new EndpointData(url, eventTypes, personalData, active);
        }
    }

    /** An endpoint as listed: never its secret. */
    public record WebhookView(long id, String url, List<String> eventTypes, boolean personalData, boolean active,
                              String disabledReason, Instant disabledAt, String createdBy, Instant createdAt, long version) {

        static WebhookView of(WebhookEndpoint endpoint) {
            return new WebhookView(endpoint.getId(), endpoint.getUrl(), endpoint.getEventTypes(), endpoint.isPersonalData(),
                    endpoint.isActive(), endpoint.getDisabledReason(), endpoint.getDisabledAt(), endpoint.getCreatedBy(),
                    endpoint.getCreatedAt(), endpoint.getVersion());
        }
    }

    /** The answer to the creation: the endpoint, and its secret, shown this once. */
    public record IssuedWebhookView(@Schema(example = "3") long id,
                                    @Schema(example = "https://sync.example.org/library-events") String url,
                                    @Schema(type = SchemaType.ARRAY, implementation = String.class) List<String> eventTypes,
                                    @Schema(example = "false") boolean personalData,
                                    @Schema(example = "true") boolean active,
                                    @Schema(example = "2026-11-29T09:30:00Z") Instant createdAt,
                                    @Schema(description = "The key of the HMAC-SHA256 in Library-Signature. Shown only here: "
                                            + "store it now, it cannot be read again.")
                                    String secret) {

        static IssuedWebhookView of(IssuedEndpoint issued) {
            WebhookEndpoint endpoint = issued.endpoint();
            return new IssuedWebhookView(endpoint.getId(), endpoint.getUrl(), endpoint.getEventTypes(), endpoint.isPersonalData(),
                    endpoint.isActive(), endpoint.getCreatedAt(), issued.secret());
        }

        @Override
        public String toString() {
            return "IssuedWebhookView[" + id + "]"; // never the secret
        }
    }

    /** The answer to "send a test event": its id, to find its attempt among the deliveries. */
    public record TestEventView(@Schema(example = "test_0b6e…") String eventId) {
    }

    /** The OpenAPI schema of a page of endpoints. */
    @Schema(name = "WebhookPage")
    record WebhookPage(List<WebhookView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                       Integer totalPages) {
    }

    /**
     * One attempt to deliver an event. {@code httpStatus}: none when no answer came; {@code error}:
     * none when it was taken; {@code state}: where its delivery stands now, PENDING (tried again later),
     * DELIVERED or GAVE_UP.
     */
    public record DeliveryAttemptView(long id, long deliveryId, String eventId, String eventType, Instant attemptedAt,
                                      Integer httpStatus, long latencyMs, String error, String state) {

        static DeliveryAttemptView of(DeliveryAttempt attempt) {
            return new DeliveryAttemptView(attempt.id(), attempt.deliveryId(), attempt.eventId(), attempt.eventType(),
                    attempt.attemptedAt(), attempt.httpStatus(), attempt.latencyMs(), attempt.error(), attempt.state());
        }
    }

    /** The OpenAPI schema of a page of attempts. */
    @Schema(name = "DeliveryAttemptPage")
    record DeliveryAttemptPage(List<DeliveryAttemptView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                               Integer totalPages) {
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "The answer carries the secret, once. The endpoint gets the events of the changes committed after it is made.")
    @APIResponse(responseCode = "201", description = "Created; Location names the endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedWebhookView")))
    public Response create(WebhookInput body) {
        IssuedEndpoint issued = webhooks.create(body == null ? null : body.data());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        WebhookEndpoint endpoint = issued.endpoint();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(endpoint.getId())).build())
                .tag(Responses.etag(endpoint.getVersion())).cacheControl(noStore).entity(IssuedWebhookView.of(issued)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints",
            description = "Active and disabled, with why; never a secret. Paged; sortable by url, createdAt.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookPage")))
    public Response list(@BeanParam Paging paging) {
        return Responses.page(webhooks.endpoints(paging.request(), paging.sort("createdAt")), WebhookView::of, uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint", description = "Never its secret. Answers an ETag.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookView")))
    public Response get(@PathParam("id") long id) {
        WebhookEndpoint endpoint = webhooks.endpoint(id);
        return Responses.versioned(WebhookView.of(endpoint), endpoint.getVersion(), request);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceWebhook", summary = "Replace a webhook endpoint",
            description = "URL, event types, personal data, active (the secret stays). active true on a disabled endpoint "
                    + "resumes its pending deliveries. If-Match with the ETag you read is required: 428 without it, 412 when stale "
                    + "(also when failing deliveries disabled it meanwhile).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookView")))
    public Response update(@PathParam("id") long id, WebhookInput body) {
        WebhookEndpoint endpoint = webhooks.update(id, Responses.requiredVersion(headers), body == null ? null : body.data());
        return Responses.changed(WebhookView.of(endpoint), endpoint.getVersion());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "With its pending deliveries and its attempts. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "sendWebhookTest", summary = "Send a test event",
            description = "Queues an event of type webhook.test to the endpoint, active or not; sent within seconds, tried once. "
                    + "Its attempt appears in the deliveries.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestEventView")))
    public Response test(@PathParam("id") long id) {
        String eventId = webhooks.sendTest(id);
        return Response.accepted(new TestEventView(eventId))
                .location(uri.getBaseUriBuilder().path(WebhooksResource.class).path(String.valueOf(id)).path("deliveries").build())
                .build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's delivery attempts",
            description = "Newest first: the event, when, the HTTP status (none when no answer came), the latency, the error, "
                    + "and where its delivery stands (PENDING, DELIVERED, GAVE_UP). Paged; not sortable.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryAttemptPage")))
    public Response deliveries(@PathParam("id") long id, @BeanParam Paging paging) {
        return Responses.page(webhooks.attempts(id, paging.requestInOneOrder("newest first")), DeliveryAttemptView::of, uri);
    }
}
