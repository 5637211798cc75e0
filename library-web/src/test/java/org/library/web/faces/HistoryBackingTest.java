package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.library.changes.ChangeAction;
import org.library.changes.FieldChange;
import org.library.changes.HistoryEntry;

/** What the History panel shows of a change: each field's value before and after as text, an absent one as —. */
class HistoryBackingTest {

    @Test
    void aChangedFieldIsShownFromBeforeToAfterAndAnAbsentValueAsADash() {
        HistoryEntry entry = new HistoryEntry(7, "book.updated", ChangeAction.UPDATED, 2, "desk.lee",
                Instant.parse("2026-11-29T09:30:00Z"), List.of(new FieldChange("copies", 1L, 3L),
                        new FieldChange("publicationYear", null, 1853L), new FieldChange("office", "Room 12", ""),
                        new FieldChange("active", true, false)));

        HistoryBacking.Row row = HistoryBacking.Row.of(entry);

        assertThat(row.event()).isEqualTo("book.updated");
        assertThat(row.actor()).isEqualTo("desk.lee");
        assertThat(row.changes()).containsExactly(new HistoryBacking.Field("copies", "1", "3"),
                new HistoryBacking.Field("publicationYear", "—", "1853"), new HistoryBacking.Field("office", "Room 12", "—"),
                new HistoryBacking.Field("active", "true", "false"));
    }
}
