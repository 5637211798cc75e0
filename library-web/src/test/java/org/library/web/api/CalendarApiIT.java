package org.library.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * A member's private calendar over real HTTP, read back with a real iCalendar parser (ical4j):
 * an all-day event per open loan on its due date and per ready hold on its pickup day, with UIDs
 * that stay; a new link replaces the old, a revoked link is a 404 like an unknown one; the link's
 * secret opens nothing else.
 */
class CalendarApiIT extends LibraryDeploymentTest {

    private static final String PASSWORD = "calendar member password";

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    private record Reader(long id, String number) {
    }

    private Reader memberWithAccount(String name) {
        String number = TestData.memberNumber();
        long id = api.member(number, name);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", PASSWORD)).statusCode(201);
        return new Reader(id, number);
    }

    private String takeLink(Reader reader) {
        Response taken = api.as(reader.number(), PASSWORD).post("/me/calendar");
        taken.then().statusCode(201).body("url", startsWith(base.toString().replaceAll("/$", "") + "/api/calendars/cal_"));
        assertThat(taken.header("Location")).isEqualTo(taken.path("url"));
        return taken.path("url");
    }

    private static Response fetch(String url) {
        return given().get(url);
    }

    /**
     * The calendar at {@code url}, parsed and, unless it has no event, validated: its events by UID.
     * (RFC 5545 wants at least one component; an empty feed is what ICalendarText says it is.)
     */
    private static Map<String, VEvent> events(String url) throws Exception {
        Response feed = fetch(url);
        feed.then().statusCode(200).contentType(startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.asString()));
        if (!calendar.getComponents().isEmpty()) {
            assertThat(calendar.validate().hasErrors()).as("valid RFC 5545: " + calendar.validate()).isFalse();
        }
        Map<String, VEvent> byUid = new TreeMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            byUid.put(value(event, Property.UID), event);
        }
        return byUid;
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + property));
    }

    private static long idIn(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theFeedHasAnAllDayEventPerOpenLoanAndReadyHoldWithStableUids() throws Exception {
        Reader reader = memberWithAccount("Calendar Reader");
        long other = api.member(TestData.memberNumber(), "Returning Reader");
        long author = api.author("Calendar Author");
        long plain = api.create("/books", Map.of("isbn", TestData.isbn(), "title", "Plain Title", "copies", 1, "authorId", author));
        long awkward = api.create("/books", Map.of("isbn", TestData.isbn(), "title", "Commas, Semicolons; and \\ a Backslash",
                "copies", 1, "authorId", author));
        long wanted = api.create("/books", Map.of("isbn", TestData.isbn(), "title", "Set Aside", "copies", 1, "authorId", author));
        long returned = api.create("/books", Map.of("isbn", TestData.isbn(), "title", "Long Returned", "copies", 1, "authorId", author));
        long plainLoan = idIn(api.post("/members/" + reader.id() + "/borrows", Map.of("bookId", plain)).statusCode(201)
                .extract().header("Location"));
        long awkwardLoan = idIn(api.post("/members/" + reader.id() + "/borrows", Map.of("bookId", awkward)).statusCode(201)
                .extract().header("Location"));
        api.request().post("/members/{id}/borrows/{bookId}/renewals", reader.id(), awkward).then().statusCode(200);
        api.post("/members/" + reader.id() + "/borrows", Map.of("bookId", returned)).statusCode(201);
        api.request().delete("/members/{id}/borrows/{bookId}", reader.id(), returned).then().statusCode(204);
        api.post("/members/" + other + "/borrows", Map.of("bookId", wanted)).statusCode(201);
        long hold = idIn(api.post("/members/" + reader.id() + "/holds", Map.of("bookId", wanted)).statusCode(201)
                .extract().header("Location"));
        api.request().delete("/members/{id}/borrows/{bookId}", other, wanted).then().statusCode(204); // the copy goes aside
        List<Map<String, Object>> loans = api.request().get("/members/{id}/loans", reader.id()).then().extract().path("");
        Map<Long, String> dueOn = new TreeMap<>();
        loans.forEach(loan -> dueOn.put(((Number) loan.get("id")).longValue(), (String) loan.get("dueOn")));
        String pickupBy = api.request().get("/members/{id}/holds", reader.id()).then().body("[0].status", is("READY"))
                .extract().path("[0].pickupBy");
        String host = base.getHost();

        String url = takeLink(reader);
        Map<String, VEvent> events = events(url);

        assertThat(events).containsOnlyKeys("loan-" + plainLoan + "@" + host, "loan-" + awkwardLoan + "@" + host,
                "hold-" + hold + "@" + host);
        VEvent plainEvent = events.get("loan-" + plainLoan + "@" + host);
        assertThat(value(plainEvent, Property.SUMMARY)).isEqualTo("Due: Plain Title");
        assertThat(value(plainEvent, Property.DTSTART)).isEqualTo(dueOn.get(plainLoan).replace("-", ""));
        assertThat(plainEvent.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
                .as("an all-day event").isEqualTo("DATE");
        VEvent awkwardEvent = events.get("loan-" + awkwardLoan + "@" + host);
        assertThat(value(awkwardEvent, Property.SUMMARY)).isEqualTo("Due: Commas, Semicolons; and \\ a Backslash");
        assertThat(value(awkwardEvent, Property.DTSTART)).as("the renewed due date").isEqualTo(dueOn.get(awkwardLoan).replace("-", ""));
        assertThat(value(awkwardEvent, Property.SEQUENCE)).isEqualTo("1");
        VEvent holdEvent = events.get("hold-" + hold + "@" + host);
        assertThat(value(holdEvent, Property.SUMMARY)).isEqualTo("Pick up by: Set Aside");
        assertThat(value(holdEvent, Property.DTSTART)).isEqualTo(pickupBy.replace("-", ""));

        assertThat(events(url).keySet()).as("the UIDs of the next poll").isEqualTo(events.keySet());
        api.request().delete("/members/{id}/borrows/{bookId}", reader.id(), plain).then().statusCode(204);
        assertThat(events(url)).as("a returned loan leaves the calendar").doesNotContainKey("loan-" + plainLoan + "@" + host);
    }

    @Test
    void aNewLinkReplacesTheOldAndARevokedOneIsA404LikeAnUnknownOne() throws Exception {
        Reader reader = memberWithAccount("Revoking Reader");
        String first = takeLink(reader);
        api.request().get("/members/{id}/export", reader.id()).then().body("calendarLink", is(true));

        String second = takeLink(reader);
        fetch(first).then().statusCode(404).contentType(Problem.MEDIA_TYPE_NAME);
        assertThat(events(second)).isEmpty();

        api.as(reader.number(), PASSWORD).delete("/me/calendar").then().statusCode(204);
        fetch(second).then().statusCode(404).contentType(Problem.MEDIA_TYPE_NAME);
        api.request().get("/members/{id}/export", reader.id()).then().body("calendarLink", is(false));
        api.as(reader.number(), PASSWORD).delete("/me/calendar").then().statusCode(204);

        String unknown = second.substring(0, second.lastIndexOf("/cal_") + 5) + "A".repeat(43) + ".ics";
        fetch(unknown).then().statusCode(404).contentType(Problem.MEDIA_TYPE_NAME);
        given().baseUri(base.toString().replaceAll("/$", "") + "/api").get("/calendars/{file}", "cal_short.ics").then().statusCode(404);
        given().baseUri(base.toString().replaceAll("/$", "") + "/api").get("/calendars/{file}", "x".repeat(5000) + ".ics").then().statusCode(404);
        given().baseUri(base.toString().replaceAll("/$", "") + "/api").get("/calendars/{file}", second.substring(second.lastIndexOf('/') + 1).replace(".ics", ".txt"))
                .then().statusCode(404);
    }

    @Test
    void theLinksSecretOpensNothingElseAndOnlyMembersTakeLinks() {
        Reader reader = memberWithAccount("Secret Keeper");
        String url = takeLink(reader);
        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());

        api.bearer(secret).get("/members/{id}", reader.id()).then().statusCode(401).contentType(Problem.MEDIA_TYPE_NAME);
        api.bearer(secret).get("/members/{id}/loans", reader.id()).then().statusCode(401);
        api.bearer(secret).get("/me").then().statusCode(401);
        api.as(reader.number(), secret).get("/me").then().statusCode(401);

        api.request().post("/me/calendar").then().statusCode(403).contentType(Problem.MEDIA_TYPE_NAME);
        api.anonymous().post("/me/calendar").then().statusCode(401);
        api.bearer(api.request().body(Map.of("name", "calendar members", "scopes", List.of("members:write"))).post("/tokens")
                .then().statusCode(201).extract().<String>path("secret")).post("/me/calendar").then().statusCode(403);
    }
}
