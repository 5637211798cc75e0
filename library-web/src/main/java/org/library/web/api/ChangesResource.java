package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.changes.ChangeBatch;
import org.library.changes.ChangeEntry;
import org.library.changes.ChangeFeed;
import org.library.changes.RecordType;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;

/**
 * The change feed: every committed change, in commit order, from a cursor. A system that keeps
 * the last {@code next} it was given and asks again from it sees each change once, whatever
 * instance answers and whatever restarts in between.
 */
@Path("changes")
@ApplicationScoped
@Allowed({Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.ADMINISTRATION})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangesResource {

    /** The longest {@code types} parameter read: every type's name, comma-separated, fits many times over. */
    private static final int TYPES_LENGTH = 200;

    @Inject
    ChangeFeed feed;

    /** One change. {@code data}: the record's fields after it (none when deleted, or withheld). */
    // Payara documents only the annotated components of a record that annotates any: each one is, then
    public record ChangeView(@Schema(example = "Y2hhbmdlczoxMjM0") String cursor,
                             @Schema(example = "loan.borrowed") String event,
                             @Schema(example = "loan") String type,
                             @Schema(example = "77") long id,
                             @Schema(example = "borrowed") String action,
                             @Schema(example = "1") long version,
                             @Schema(example = "desk.lee", description = "A user name, token:<id>, system, member:<user name> "
                                     + "(or member alone, for readers without members:write)") String actor,
                             @Schema(example = "2026-11-29T09:30:00Z") Instant occurredAt,
                             @Schema(type = SchemaType.OBJECT, description = "The record's fields after the change; absent when "
                                     + "it was deleted or when withheld") Map<String, Object> data,
                             @Schema(description = "Whether data was withheld as personal data this reader's scopes do not cover")
                             boolean withheld) {

        static ChangeView of(ChangeEntry entry) {
            return new ChangeView(ChangeFeed.cursorAfter(entry), entry.event(), entry.type().wireName(), entry.recordId(),
                    entry.action().wireName(), entry.version(), entry.actor(), entry.occurredAt(), entry.state(), entry.withheld());
        }
    }

    /** A batch of the feed, and where to read on from. */
    public record ChangeFeedView(@Schema(type = SchemaType.ARRAY, implementation = ChangeView.class, required = true)
                                 List<ChangeView> items,
                                 @Schema(example = "Y2hhbmdlczoxMjQw", required = true,
                                         description = "Pass it as after= to read on; keep it to resume after a restart")
                                 String next,
                                 @Schema(description = "Whether more entries are waiting now (the batch was full)") boolean more) {
    }

    @GET
    @Operation(operationId = "listChanges", summary = "Read the change feed", description = "Entries after the cursor 'after' "
            + "(none: from the oldest entry kept), in commit order, at most 'limit' (1-" + ChangeFeed.MAX_LIMIT + ", default "
            + ChangeFeed.DEFAULT_LIMIT + "), of the record types in 'types' (comma-separated; none: all). Store 'next' and ask "
            + "again from it: no change is missed or repeated. A member's, loan's, hold's, librarian's, account's or token's "
            + "fields are withheld unless the caller holds the scope that reads such records (members:write; circulation; "
            + "administration). 410 when the cursor is older than the entries kept: resynchronise from the lists, then read "
            + "the feed without a cursor.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ChangeFeedView")))
    @APIResponse(responseCode = "410", description = "The cursor is older than the entries kept: changes after it were pruned. "
            + "Resynchronise from the lists, then read the feed without a cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(ref = "Problem")))
    public ChangeFeedView read(@QueryParam("after") @Parameter(description = "A cursor from an earlier answer") String after,
                               @QueryParam("limit") @Parameter(example = "100") String limit,
                               @QueryParam("types") @Parameter(example = "book,author",
                                       description = "author, book, member, librarian, loan, hold, account, token") String types) {
        ChangeBatch batch = feed.read(after == null || after.isEmpty() ? null : after,
                Paging.number("limit", limit, ChangeFeed.DEFAULT_LIMIT, 1, ChangeFeed.MAX_LIMIT), types(types));
        return new ChangeFeedView(batch.entries().stream().map(ChangeView::of).toList(), batch.next(), batch.more());
    }

    private static Set<RecordType> types(String text) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        if (text == null || text.isBlank()) {
            return types;
        }
        if (text.length() > TYPES_LENGTH) {
            throw refused("types", "is too long");
        }
        for (String name : text.split(",")) {
            types.add(RecordType.byWireName(name.strip()).orElseThrow(() -> refused("types",
                    "names an unknown type; known: author, book, member, librarian, loan, hold, account, token")));
        }
        return types;
    }

    private static InvalidInputException refused(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }
}
