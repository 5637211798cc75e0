package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.calendar.CalendarFeeds;
import org.library.calendar.ICalendarText;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;

/**
 * A member's private calendar feed, for calendar applications (which cannot log in): the secret in
 * the URL is the only key, and opens this feed only. The members take and revoke their link at
 * {@code /api/me/calendar} ({@link MeResource}); the pages' "My account" builds the same URL.
 */
@Path("calendars")
@ApplicationScoped
@Tag(name = "Accounts")
@Allowed(Roles.ANYONE)
public class CalendarsResource {

    static final String SUFFIX = ".ics";

    /** The secret's length and the suffix: longer is refused before anything reads it. */
    private static final int MAX_FILE_NAME = 47 + SUFFIX.length();

    static final String TEXT_CALENDAR = "text/calendar";

    @Inject
    CalendarFeeds calendars;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Path("{file}")
    @Produces(TEXT_CALENDAR + "; charset=UTF-8")
    @Operation(operationId = "getCalendar", summary = "A member's calendar (iCalendar)", description = "RFC 5545: an all-day event "
            + "on each open loan's due date (\"Due: title\") and on each ready hold's pickup deadline (\"Pick up by: title\"), "
            + "with a UID per loan or hold that stays the same. No login: the file name is the member's secret link (from "
            + "POST /api/me/calendar) and \".ics\". 404 for a link that is unknown or revoked, alike.")
    @APIResponse(responseCode = "200", description = "The calendar",
            // no schema: an inline one here is merged by the server's OpenAPI scanner with another record's properties
            content = @Content(mediaType = TEXT_CALENDAR))
    @APIResponse(responseCode = "404", description = "No such calendar",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(ref = "Problem")))
    public Response calendar(@PathParam("file") @Parameter(description = "the secret of the link and .ics",
            example = "cal_3q2-7wEXAMPLEsecretEXAMPLEsecretEXAMPLEsecr.ics") String file) {
        String secret = file != null && file.length() <= MAX_FILE_NAME && file.endsWith(SUFFIX)
                ? file.substring(0, file.length() - SUFFIX.length()) : null;
        return calendars.feed(secret)
                .map(feed -> Response.ok(ICalendarText.of(feed, uri.getBaseUri().getHost(), clock.instant()))
                        // personal data: for the subscriber only, read afresh on each poll
                        .header("Cache-Control", "private, no-cache")
                        .build())
                .orElseThrow(NotFoundException::new); // no hint whether the link was malformed, unknown or revoked
    }
}
