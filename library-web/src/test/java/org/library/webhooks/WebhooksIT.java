package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.CatalogService;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.changes.RecordType;
import org.library.changes.Recorded;
import org.library.circulation.MovableClock;
import org.library.platform.AccessDeniedException;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;
import org.library.testing.ActingAsStaff;
import org.library.testing.ApiClient;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.WebhookReceiver;

/**
 * Webhooks delivered for real, in the container: a receiver on loopback ({@link WebhookReceiver}, a JDK
 * HTTP server started by the test inside the server's JVM) checks every request's signature with
 * the endpoint's secret and answers as the test tells it. A change written to the change log is
 * POSTed signed, retried after two 500s with the same event id and taken once; an endpoint whose
 * delivery gives up is disabled with the reason, and resumes when enabled; an endpoint gets only the
 * event types it asked for, and personal data only when allowed; a test event is sent on request;
 * a delivery leased by an instance that died is sent once its lease runs out. The clock is a
 * {@link MovableClock}: backoffs and the retry time pass without waiting. Then the REST API over
 * real HTTP: 201 with the secret once, 400 for a URL that is no http(s) URL, 404, 428, 412.
 */
@DeployedWith({MovableClock.class, ApiClient.class, WebhookReceiver.class, WebhookReceiver.Request.class,
        WebhooksIT.Change.class})
@ExtendWith(ActingAsStaff.class)
class WebhooksIT extends LibraryInContainerTest {

    private static final String PROBLEM = "application/problem+json";

    /** Rounds of the sender a test waits for something to arrive; each round sends what is due. */
    private static final int ROUNDS = 100;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookSender sender;

    @Inject
    ChangeLog log;

    @Inject
    CatalogService catalog;

    @Inject
    java.time.Clock clock;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource database;

    @ArquillianResource
    URL base;

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<Long> endpoints = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        MovableClock.reset();
        for (long id : endpoints) {
            try {
                webhooks.delete(id, null);
            } catch (RuntimeException e) {
                // deleted by the test itself
            }
        }
        receivers.forEach(WebhookReceiver::stop);
    }

    /** A record of the test's making, as the change log sees the entities. */
    public record Change(RecordType recordType, Long getId, long getVersion, Map<String, Object> recordedState)
            implements Recorded {
    }

    private WebhookReceiver receiver(Integer... answers) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(answers);
        receivers.add(receiver);
        return receiver;
    }

    private long endpoint(WebhookReceiver receiver, List<String> types, boolean personalData) {
        IssuedEndpoint issued = webhooks.create(new EndpointData(receiver.url(), types, personalData, true));
        receiver.secret = issued.secret();
        endpoints.add(issued.endpoint().getId());
        return issued.endpoint().getId();
    }

    /** Writes one entry to the change log, as a service does in its transaction; answers its event id. */
    private String change(RecordType type, ChangeAction action, Map<String, Object> state) throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        transaction.begin();
        try {
            log.record(action, new Change(type, id, 1, state));
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        // its position: the newest entry of this record
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(position) FROM changes WHERE record_type = ? AND record_id = ?")) {
            select.setString(1, type.wireName());
            select.setLong(2, id);
            var rs = select.executeQuery();
            rs.next();
            return WebhookEvents.eventId(rs.getLong(1));
        }
    }

    /** Runs the sender's rounds (the timer's run too, every second) until {@code arrived}, at most {@link #ROUNDS}. */
    private void roundsUntil(BooleanSupplier arrived) throws InterruptedException {
        for (int i = 0; i < ROUNDS && !arrived.getAsBoolean(); i++) {
            sender.round();
            Thread.sleep(50); // lets a round of the timer, which may hold the delivery, end
        }
        assertThat(arrived.getAsBoolean()).as("arrived within %d rounds of the sender", ROUNDS).isTrue();
    }

    /**
     * The endpoint's attempts, newest first, once there are {@code count}: an attempt is recorded
     * after the receiver's answer is back, by whichever round sent it (the test's or the timer's).
     */
    private List<DeliveryAttempt> attempts(long endpoint, int count) throws InterruptedException {
        roundsUntil(() -> webhooks.attempts(endpoint, PageRequest.first(10)).items().size() >= count);
        return webhooks.attempts(endpoint, PageRequest.first(10)).items();
    }

    /** A few more rounds, for what must not arrive, with the clock moved past any backoff. */
    private void moreRounds() throws InterruptedException {
        MovableClock.advance(Duration.ofHours(2));
        for (int i = 0; i < 5; i++) {
            sender.round();
            Thread.sleep(50);
        }
    }

    @Test
    void aChangeIsPostedSignedRetriedAfterTwo500sWithTheSameIdAndTakenOnce() throws Exception {
        WebhookReceiver receiver = receiver(500, 500);
        long endpoint = endpoint(receiver, null, false);
        String event = change(RecordType.BOOK, ChangeAction.CREATED, Map.of("title", "Webhook Book", "copies", 2L));

        // each failure recorded (its backoff decided) before the clock moves past the backoff
        attempts(endpoint, 1);
        MovableClock.advance(Duration.ofMinutes(1)); // past the first backoff (10-15 s)
        attempts(endpoint, 2);
        MovableClock.advance(Duration.ofMinutes(1)); // past the second (20-30 s)
        roundsUntil(() -> receiver.requests().size() == 3);
        moreRounds();

        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).extracting(WebhookReceiver.Request::answered).containsExactly(500, 500, 200);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.signed()).as("signature").isTrue();
            assertThat(r.eventId()).isEqualTo(event);
            assertThat(r.body().getString("id")).isEqualTo(event);
        });
        assertThat(receiver.taken()).containsExactly(event);
        JsonObject body = requests.get(2).body();
        assertThat(body.getString("type")).isEqualTo("book.created");
        assertThat(body.getJsonObject("record").getString("type")).isEqualTo("book");
        assertThat(body.getJsonObject("data").getString("title")).isEqualTo("Webhook Book");
        assertThat(body.getString("actor")).isEqualTo(ActingAsStaff.STAFF.name());

        List<DeliveryAttempt> attempts = attempts(endpoint, 3);
        assertThat(attempts).extracting(DeliveryAttempt::httpStatus).containsExactly(200, 500, 500); // newest first
        assertThat(attempts).extracting(DeliveryAttempt::eventId).containsOnly(event);
        assertThat(attempts).extracting(DeliveryAttempt::state).containsOnly("DELIVERED");
        assertThat(attempts.get(0).error()).isNull();
        assertThat(attempts.get(1).error()).startsWith("HTTP 500").contains("try again");
        assertThat(webhooks.endpoint(endpoint).isActive()).isTrue();
    }

    @Test
    void whatTheCatalogueServiceCommitsArrivesAsItsEventsOrderedByVersionAndARolledBackChangeNever() throws Exception {
        WebhookReceiver receiver = receiver();
        endpoint(receiver, List.of("author.*"), false);

        Author author = catalog.createAuthor(new AuthorData("Webhook Author", 1900, null));
        catalog.updateAuthor(author.getId(), author.getVersion(), new AuthorData("Webhook Author Renamed", 1900, null));
        transaction.begin();
        try {
            catalog.createAuthor(new AuthorData("Never Committed", null, null));
        } finally {
            transaction.rollback();
        }
        roundsUntil(() -> receiver.taken().size() == 2);
        moreRounds();

        // sent at once, in no promised order (docs/events.md): the record's version orders them
        Map<String, JsonObject> byType = new LinkedHashMap<>();
        receiver.requests().forEach(r -> byType.put(r.type(), r.body()));
        assertThat(byType).containsOnlyKeys("author.created", "author.updated");
        assertThat(byType.values()).extracting(b -> b.getJsonObject("record").getJsonNumber("id").longValue())
                .containsOnly(author.getId());
        assertThat(byType.get("author.updated").getJsonObject("data").getString("name")).isEqualTo("Webhook Author Renamed");
        assertThat(byType.get("author.updated").getJsonObject("record").getInt("version"))
                .isGreaterThan(byType.get("author.created").getJsonObject("record").getInt("version"));
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void anEndpointWhoseDeliveryGivesUpIsDisabledWithTheReasonAndResumesWhenEnabled() throws Exception {
        WebhookReceiver receiver = receiver();
        receiver.answerAlways(500);
        long endpoint = endpoint(receiver, null, false);
        String given = change(RecordType.AUTHOR, ChangeAction.CREATED, Map.of("name", "Given Up"));

        attempts(endpoint, 1);
        MovableClock.advance(Duration.ofHours(25)); // past library.webhooks.retry-hours (24)
        roundsUntil(() -> !webhooks.endpoint(endpoint).isActive());

        WebhookEndpoint disabled = webhooks.endpoint(endpoint);
        assertThat(disabled.getDisabledReason()).contains(given, "could not be delivered", "HTTP 500");
        assertThat(disabled.getDisabledAt()).isNotNull();
        assertThat(webhooks.attempts(endpoint, PageRequest.first(10)).items()).extracting(DeliveryAttempt::state)
                .containsOnly("GAVE_UP");

        String whileDisabled = change(RecordType.AUTHOR, ChangeAction.UPDATED, Map.of("name", "Unheard"));
        moreRounds();
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::eventId).doesNotContain(whileDisabled);

        receiver.answerOk();
        webhooks.setActive(endpoint, disabled.getVersion(), true);
        assertThat(webhooks.endpoint(endpoint).getDisabledReason()).isNull();
        String resumed = change(RecordType.AUTHOR, ChangeAction.UPDATED, Map.of("name", "Heard Again"));
        roundsUntil(() -> receiver.taken().contains(resumed));
        assertThat(receiver.taken()).containsExactly(resumed);
    }

    @Test
    void anEndpointGetsTheEventTypesItAskedForAndPersonalDataOnlyWhenAllowed() throws Exception {
        WebhookReceiver books = receiver();
        WebhookReceiver people = receiver();
        WebhookReceiver peopleWithData = receiver();
        endpoint(books, List.of("book.created"), false);
        endpoint(people, List.of("member.*"), false);
        endpoint(peopleWithData, List.of("member.*"), true);

        String author = change(RecordType.AUTHOR, ChangeAction.CREATED, Map.of("name", "Nobody Asked"));
        String book = change(RecordType.BOOK, ChangeAction.CREATED, Map.of("title", "Asked For"));
        change(RecordType.BOOK, ChangeAction.UPDATED, Map.of("title", "Not Asked For"));
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "Ada Reader");
        member.put("email", "ada.reader@example.org");
        String updated = change(RecordType.MEMBER, ChangeAction.UPDATED, member);

        roundsUntil(() -> books.taken().size() == 1 && people.taken().size() == 1 && peopleWithData.taken().size() == 1);
        moreRounds();

        assertThat(books.requests()).extracting(WebhookReceiver.Request::type).containsExactly("book.created");
        assertThat(books.taken()).containsExactly(book).doesNotContain(author);
        assertThat(people.taken()).containsExactly(updated);
        JsonObject withheld = people.requests().get(0).body();
        assertThat(withheld.isNull("data")).isTrue();
        assertThat(withheld.getBoolean("withheld")).isTrue();
        assertThat(withheld.toString()).doesNotContain("ada.reader");
        JsonObject shown = peopleWithData.requests().get(0).body();
        assertThat(shown.getJsonObject("data").getString("email")).isEqualTo("ada.reader@example.org");
    }

    @Test
    void aTestEventIsSentOnRequestSignedTriedOnceAndDisablesNothing() throws Exception {
        WebhookReceiver receiver = receiver(500);
        long endpoint = endpoint(receiver, List.of("book.created"), false);

        String failed = webhooks.sendTest(endpoint);
        roundsUntil(() -> receiver.requests().size() == 1);
        moreRounds();
        assertThat(receiver.requests()).hasSize(1);
        assertThat(webhooks.endpoint(endpoint).isActive()).isTrue();

        WebhookEndpoint current = webhooks.endpoint(endpoint);
        webhooks.setActive(endpoint, current.getVersion(), false);
        String sent = webhooks.sendTest(endpoint); // to a disabled endpoint too: is it ready to be enabled?
        roundsUntil(() -> receiver.taken().contains(sent));

        WebhookReceiver.Request request = receiver.requests().get(1);
        assertThat(request.signed()).isTrue();
        assertThat(request.type()).isEqualTo(WebhookEvents.TEST);
        assertThat(attempts(endpoint, 2))
                .extracting(DeliveryAttempt::eventId, DeliveryAttempt::state, DeliveryAttempt::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sent, "DELIVERED", 200),
                        org.assertj.core.groups.Tuple.tuple(failed, "GAVE_UP", 500));
    }

    @Test
    void aDeliveryLeasedByAnInstanceThatDiedIsSentOnceItsLeaseRunsOut() throws Exception {
        WebhookReceiver receiver = receiver();
        long endpoint = endpoint(receiver, null, false);
        long now = clock.millis();
        // as a dead instance left it: claimed a second ago, for a minute, never recorded
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_deliveries (endpoint_id, "
                     + "change_position, event_id, event_type, body, state, attempts, created_at, next_attempt_at, give_up_at, "
                     + "lease_owner, lease_until) VALUES (?, ?, 'evt_leased', 'book.updated', ?, 'PENDING', 0, ?, ?, ?, "
                     + "'12345@dead-host/claim', ?)")) {
            insert.setLong(1, endpoint);
            insert.setLong(2, Long.MAX_VALUE - ThreadLocalRandom.current().nextInt(1_000_000));
            insert.setString(3, "{\"id\":\"evt_leased\",\"type\":\"book.updated\"}");
            insert.setLong(4, now - 1000);
            insert.setLong(5, now - 1000);
            insert.setLong(6, now + Duration.ofHours(24).toMillis());
            insert.setLong(7, now - 1000 + WebhookDeliveries.LEASE.toMillis());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        for (int i = 0; i < 5; i++) {
            sender.round();
        }
        assertThat(receiver.requests()).as("within the dead instance's lease").isEmpty();

        MovableClock.advance(WebhookDeliveries.LEASE);
        roundsUntil(() -> receiver.taken().contains("evt_leased"));
        moreRounds();
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::eventId).containsExactly("evt_leased");
    }

    @Test
    void onlyStaffAndAdministrationTokensManageWebhooksAndOnlyTheLibraryDelivers() {
        Identity member = new Identity("reader", Set.of(Roles.CARD_HOLDER));
        Identity catalogue = new Identity("token:1", Set.of(Roles.CATALOGUE_WRITE));
        Identity administration = new Identity("token:2", Set.of(Roles.ADMINISTRATION));
        for (Identity who : List.of(member, catalogue)) {
            Identity.run(who, () -> {
                assertThatThrownBy(() -> webhooks.endpoints(PageRequest.first(5), SortOrder.asc("url")))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> sender.round()).isInstanceOf(AccessDeniedException.class);
            });
        }
        Identity.run(administration, () -> {
            assertThat(webhooks.endpoints(PageRequest.first(5), SortOrder.asc("url")).items()).isNotNull();
            assertThatThrownBy(() -> sender.round()).as("a token delivers nothing itself").isInstanceOf(AccessDeniedException.class);
        });
    }

    // ---- the REST API, over real HTTP ----

    @Test
    @RunAsClient
    void theApiMakesAnEndpointWithItsSecretOnceAndRefusesABadUrlNamingTheField() {
        ApiClient api = new ApiClient(base);
        Response created = api.request().body(Map.of("url", "https://hooks.example.org/library", "eventTypes", List.of("loan.*")))
                .post("/webhooks");
        created.then().statusCode(201).header("Location", containsString("/api/webhooks/")).header("ETag", notNullValue())
                .header("Cache-Control", containsString("no-store"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9_-]{43}")).body("active", is(true)).body("personalData", is(false));
        long id = ((Number) created.path("id")).longValue();
        try {
            api.request().get("/webhooks/{id}", id).then().statusCode(200).body("url", is("https://hooks.example.org/library"))
                    .body("eventTypes", is(List.of("loan.*"))).body("secret", org.hamcrest.Matchers.nullValue());
            api.request().get("/webhooks").then().statusCode(200).body("items.id", hasItem((int) id));
            api.request().post("/webhooks/{id}/test", id).then().statusCode(202).body("eventId", matchesPattern("test_.+"));
            api.request().get("/webhooks/{id}/deliveries", id).then().statusCode(200);

            for (String bad : List.of("ftp://hooks.example.org/", "https://user:pw@hooks.example.org/", "not a url",
                    "https://hooks.example.org/" + "x".repeat(500))) {
                api.request().body(Map.of("url", bad)).post("/webhooks").then().statusCode(400).contentType(PROBLEM)
                        .body("type", endsWith("/validation")).body("errors.field", is(List.of("url")));
            }
            api.request().body(Map.of("url", "https://hooks.example.org/", "eventTypes", List.of("book.exploded")))
                    .post("/webhooks").then().statusCode(400).body("errors.field", is(List.of("eventTypes")));
            api.request().body(Map.of("url", "https://hooks.example.org/", "eventTypes", List.of()))
                    .post("/webhooks").then().statusCode(400).body("errors.field", is(List.of("eventTypes")));
        } finally {
            api.request().header("If-Match", "*").delete("/webhooks/{id}", id).then().statusCode(204);
        }
        api.request().get("/webhooks/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @RunAsClient
    void changesNeedTheCurrentETag404ForNoSuchEndpoint() {
        ApiClient api = new ApiClient(base);
        long id = api.create("/webhooks", Map.of("url", "https://hooks.example.org/etag"));
        api.request().get("/webhooks/{id}", id).then().body("eventTypes", is(List.of("*")));
        try {
            String etag = api.etag("/webhooks/" + id);
            Map<String, Object> disabled = Map.of("url", "https://hooks.example.org/etag", "active", false);
            api.request().body(disabled).put("/webhooks/{id}", id).then().statusCode(428).contentType(PROBLEM);
            api.request().header("If-Match", etag).body(disabled).put("/webhooks/{id}", id).then().statusCode(200)
                    .body("active", is(false)).body("disabledReason", containsString("disabled by"));
            api.request().header("If-Match", etag).body(Map.of("url", "https://hooks.example.org/etag", "active", true))
                    .put("/webhooks/{id}", id).then().statusCode(412).contentType(PROBLEM).body("type", endsWith("/stale-version"));
            api.request().header("If-Match", etag).delete("/webhooks/{id}", id).then().statusCode(412);
        } finally {
            api.current("/webhooks/" + id).delete("/webhooks/{id}", id).then().statusCode(204);
        }
        api.request().get("/webhooks/{id}", id).then().statusCode(404).contentType(PROBLEM);
        api.request().post("/webhooks/{id}/test", id).then().statusCode(404).contentType(PROBLEM);
        api.request().get("/webhooks/{id}/deliveries", id).then().statusCode(404).contentType(PROBLEM);
    }
}
