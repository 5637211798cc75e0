package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

class ListQueryTest {

    private static final Set<String> SORTABLE = Set.of("title", "author", "year");
    private static final SortOrder BY_TITLE = SortOrder.asc("title");

    private static ListQuery parse(String page, String size, String sort) {
        return ListQuery.parse(page, size, sort, SORTABLE, BY_TITLE);
    }

    @Test
    void aPlainUrlIsTheFirstPageOfTwentyInTheDefaultOrder() {
        ListQuery query = parse(null, " ", "");

        assertThat(query).isEqualTo(new ListQuery(1, PageRequest.DEFAULT_SIZE, BY_TITLE, java.util.List.of()));
        assertThat(query.request()).isEqualTo(new PageRequest(0, 20, true));
    }

    @Test
    void pagesCountFromOneInTheUrlAndFromZeroForTheService() {
        ListQuery query = parse("3", "50", "-year");

        assertThat(query.page()).isEqualTo(3);
        assertThat(query.sort()).isEqualTo(new SortOrder("year", false));
        assertThat(query.request()).isEqualTo(new PageRequest(2, 50, true));
        assertThat(query.corrections()).isEmpty();
    }

    @Test
    void theApisSortSpellingsAreAccepted() {
        assertThat(parse(null, null, "year,desc").sort()).isEqualTo(new SortOrder("year", false));
        assertThat(parse(null, null, "author").sort()).isEqualTo(SortOrder.asc("author"));
    }

    @Test
    void aSortTheServiceDoesNotOfferFallsBackToTheDefaultAndSaysSo() {
        ListQuery query = parse(null, null, "b.title; DROP TABLE books");

        assertThat(query.sort()).isEqualTo(BY_TITLE);
        assertThat(query.corrections()).containsExactly("The list cannot be sorted that way; sorted by title.");
    }

    @Test
    void aSizeOutsideTheApisBoundsIsCutToThem() {
        ListQuery big = parse(null, "500", null);
        assertThat(big.size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(big.corrections()).containsExactly("A page shows 1 to 100 rows; showing 100 a page.");

        ListQuery none = parse(null, "0", null);
        assertThat(none.size()).isEqualTo(1);
        assertThat(none.corrections()).containsExactly("A page shows 1 to 100 rows; showing 1 a page.");
    }

    @Test
    void aSizeThatIsNoNumberIsTheDefault() {
        ListQuery query = parse(null, "many", null);

        assertThat(query.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(query.corrections()).containsExactly("The page size must be a number; showing 20 a page.");
    }

    @Test
    void aPageThatIsNoPageNumberIsTheFirst() {
        for (String page : new String[] {"abc", "0", "-2", "1.5", "99999999999"}) {
            ListQuery query = parse(page, null, null);
            assertThat(query.page()).as(page).isEqualTo(1);
            assertThat(query.corrections()).as(page).containsExactly("There is no such page; showing the first.");
        }
    }

    @Test
    void aPageIsReachableUpToTheDepthAListIsRead() {
        // as the API: a page may start at most PageRequest.MAX_OFFSET (10,000) rows deep
        int deepest = org.library.platform.PageRequest.lastPage(100) + 1;
        assertThat(parse(String.valueOf(deepest), "100", null).reachable()).isTrue();
        assertThat(parse(String.valueOf(deepest), "100", null).request().offset()).isEqualTo(10_000);
        assertThat(parse(String.valueOf(deepest + 1), "100", null).reachable()).isFalse();
        assertThat(parse(String.valueOf(deepest + 1), "100", null).page()).as("kept, for the page to say").isEqualTo(deepest + 1);
    }

    @Test
    void anotherPageKeepsTheCorrectionsAndAddsOne() {
        ListQuery query = parse("9", "many", null).onPage(3, "There is no page 9.");

        assertThat(query.page()).isEqualTo(3);
        assertThat(query.corrections()).containsExactly("The page size must be a number; showing 20 a page.", "There is no page 9.");
    }
}
