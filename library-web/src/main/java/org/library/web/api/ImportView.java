package org.library.web.api;

import java.time.Instant;
import java.util.List;
import org.library.transfer.ImportReport;
import org.library.transfer.RowError;

/**
 * An import's report as JSON: how far it got, what it did with the rows, and each refused row
 * with its line and reason (the first {@code org.library.transfer.ImportJob#MAX_LISTED_ERRORS};
 * {@code rejectedNotListed} counts the rest).
 */
public record ImportView(String id, String kind, String status, String source, long rowsRead, long created,
                         long updated, long unchanged, long rejected, List<RowView> errors, long rejectedNotListed,
                         long bytesRead, Long bytesTotal, Integer percent, Instant startedAt, Instant finishedAt,
                         String failure) {

    public record RowView(long line, String reason) {
        static RowView of(RowError error) {
            return new RowView(error.line(), error.reason());
        }
    }

    public static ImportView of(ImportReport r) {
        return new ImportView(r.id(), r.kind().path(), r.status().name(), r.source(), r.rowsRead(), r.created(),
                r.updated(), r.unchanged(), r.rejected(), r.errors().stream().map(RowView::of).toList(),
                r.rejected() - r.errors().size(), r.bytesRead(), r.bytesTotal(), r.percent(), r.startedAt(),
                r.finishedAt(), r.failure());
    }
}
