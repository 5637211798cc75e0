package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aPageHasANextOneWhileTheListHasRowsAfterIt() {
        assertThat(new Page<>(List.of(1, 2), 0, 2, 3).hasNext()).isTrue();
        assertThat(new Page<>(List.of(3), 1, 2, 3).hasNext()).isFalse();
        // uncounted: one row more was read than the page shows, so the list has at least that many
        assertThat(new Page<>(List.of(3, 4), 1, 2, 5, false).hasNext()).isTrue();
    }

    @Test
    void pagesAreCountedUpAndALowerBoundGivesTheLeastNumberOfPages() {
        assertThat(new Page<>(List.of(), 0, 20, 0).totalPages()).isZero();
        assertThat(new Page<>(List.of(1), 0, 20, 41).totalPages()).isEqualTo(3);
        assertThat(new Page<>(List.of(1), 0, 20, Page.COUNT_LIMIT + 1, false).totalPages()).isEqualTo(501);
    }

    @Test
    void mappingKeepsWhatIsKnownOfTheTotal() {
        Page<String> mapped = new Page<>(List.of(1), 3, 1, 10_001, false).map(String::valueOf);
        assertThat(mapped.items()).containsExactly("1");
        assertThat(mapped.total()).isEqualTo(10_001);
        assertThat(mapped.totalExact()).isFalse();
        assertThat(mapped.page()).isEqualTo(3);
    }
}
