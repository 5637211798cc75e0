package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.library.changes.ChangeFeed;
import org.library.changes.FieldChange;
import org.library.changes.HistoryEntry;
import org.library.changes.RecordType;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.web.security.CurrentCaller;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The "History" panel of the book, member and librarian pages ({@code WEB-INF/includes/history.xhtml}),
 * for staff only: who changed the record, when, and each field from what to what, newest first,
 * read from the change log a page at a time ({@link ChangeFeed#history}). The page loads it with an
 * {@code f:viewAction} ({@code #{historyBacking.load('book', bookBacking.id)}}); view-scoped, so
 * that the table's paging keeps the record it shows even on the request-scoped book page, whose
 * own bean forgets its id on a post.
 */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a value that was or is absent (a field not set, a record deleted) is shown. */
    static final String ABSENT = "—";

    @Inject
    private ChangeFeed feed;

    @Inject
    private CurrentCaller caller;

    private RecordType type;
    private long id;
    private LazyDataModel<Row> rows;

    /** One change as the table shows it, already text: what a replicated session can carry. */
    public record Row(long position, String event, String actor, Instant occurredAt, List<Field> changes) implements Serializable {

        public Row {
            changes = List.copyOf(changes);
        }

        static Row of(HistoryEntry entry) {
            return new Row(entry.position(), entry.event(), entry.actor(), entry.occurredAt(),
                    entry.changes().stream().map(Field::of).toList());
        }
    }

    /** A changed field, its values as shown (the panel writes it {@code copies: 1 → 3}). */
    public record Field(String name, String before, String after) implements Serializable {

        static Field of(FieldChange change) {
            return new Field(change.field(), shown(change.before()), shown(change.after()));
        }
    }

    static String shown(Object value) {
        return value == null || value.toString().isEmpty() ? ABSENT : value.toString();
    }

    /**
     * f:viewAction of the page, for staff only (the page asks {@code caller.staff} first; the check
     * here holds even if a page forgets): a member never sees the log, not even of their own record.
     *
     * @param type the record type's name in the log, e.g. {@code book}
     */
    public void load(String type, long id) {
        caller.requireStaff();
        this.type = RecordType.byWireName(type).orElseThrow(() -> new IllegalArgumentException("no record type " + type));
        this.id = id;
        this.rows = new Rows();
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    /** The log read a page at a time; the total counted for the paginator, as far as a page may reach. */
    private final class Rows extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            // the paginator asks for the total before it knows the page: a counted one-row page tells it
            Page<HistoryEntry> first = feed.history(type, id, new PageRequest(0, 1, true));
            return (int) Math.min(first.total(), PageRequest.MAX_OFFSET);
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return feed.history(type, id, new PageRequest(first / pageSize, pageSize)).items().stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return String.valueOf(row.position());
        }
    }
}
