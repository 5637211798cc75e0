package org.library.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.changes.ChangeFeed;
import org.library.changes.FieldChange;
import org.library.changes.HistoryEntry;
import org.library.changes.RecordType;
import org.library.platform.Page;

/**
 * A record's history, as the books, authors, members and librarians resources each serve it at
 * {@code /{id}/history}: who changed what, when, from what to what, newest first, paged.
 */
final class Histories {

    static final String DESCRIPTION = "Newest first, paged: who changed the record, when, and each field it changed from "
            + "what to what. Reaches back as far as the change log keeps entries (library.changes.retention-days). "
            + "404 when there is no such record and none was logged.";

    private Histories() {
    }

    /** A field a change set. */
    public record FieldChangeView(@Schema(example = "copies") String field,
                                  @Schema(description = "Its value before; absent when it had none") Object before,
                                  @Schema(description = "Its value after; absent when it has none") Object after) {

        static FieldChangeView of(FieldChange change) {
            return new FieldChangeView(change.field(), change.before(), change.after());
        }
    }

    /** One change of the record. */
    public record HistoryEntryView(@Schema(example = "book.updated") String event,
                                   @Schema(example = "updated") String action,
                                   @Schema(example = "3") long version,
                                   @Schema(example = "desk.lee") String actor,
                                   @Schema(example = "2026-11-29T09:30:00Z") Instant occurredAt,
                                   @Schema(type = SchemaType.ARRAY, implementation = FieldChangeView.class, required = true)
                                   List<FieldChangeView> changes) {

        static HistoryEntryView of(HistoryEntry entry) {
            return new HistoryEntryView(entry.event(), entry.action().wireName(), entry.version(), entry.actor(),
                    entry.occurredAt(), entry.changes().stream().map(FieldChangeView::of).toList());
        }
    }

    /**
     * @param exists throws {@link org.library.platform.RecordNotFoundException} when there is no such
     *               record: asked only when its history is empty (a record from before the log, or none)
     */
    static Response page(ChangeFeed feed, RecordType type, long id, Paging paging, UriInfo uri, Runnable exists) {
        Page<HistoryEntry> page = feed.history(type, id, paging.requestInOneOrder("newest first"));
        if (page.items().isEmpty() && page.page() == 0) {
            exists.run();
        }
        return Responses.page(page, HistoryEntryView::of, uri);
    }
}
