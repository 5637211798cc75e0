package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.library.web.faces.ListPage.PageLink;

class ListPageTest {

    private static final SortOrder BY_TITLE = SortOrder.asc("title");

    private final List<PageRequest> asked = new ArrayList<>();

    /** A list of {@code rows} rows ("row 1", ...) counted exactly up to Page.COUNT_LIMIT, as the service counts. */
    private ListPage<String> list(int rows, String page, String size, String sort, Map<String, String> filters) {
        ListQuery query = ListQuery.parse(page, size, sort, Set.of("title", "year"), BY_TITLE);
        return ListPage.load("catalogue.xhtml", filters, query, BY_TITLE, (request, order) -> {
            asked.add(request);
            int from = Math.min(rows, request.offset());
            int to = Math.min(rows, from + request.size());
            List<String> items = IntStream.range(from, to).mapToObj(i -> "row " + (i + 1)).toList();
            boolean exact = rows <= Page.COUNT_LIMIT;
            return new Page<>(items, request.page(), request.size(), exact ? rows : Page.COUNT_LIMIT + 1, exact);
        });
    }

    private ListPage<String> list(int rows, String page) {
        return list(rows, page, null, null, Map.of());
    }

    private static List<String> labels(List<PageLink> links) {
        return links.stream().map(link -> link.current() ? "[" + link.label() + "]" : link.label()).toList();
    }

    @Test
    void theReportSaysWhichRowsOfHowManyAreShown() {
        assertThat(list(55, null).getReport()).isEqualTo("1–20 of 55");
        assertThat(list(55, "3").getReport()).isEqualTo("41–55 of 55");
        assertThat(list(12_345, "2").getReport()).isEqualTo("21–40 of more than 10,000");
        assertThat(list(0, null).getReport()).isEmpty();
        assertThat(asked).allMatch(PageRequest::count);
    }

    @Test
    void previousAndNextLeadToTheNeighbouringPagesAndStopAtTheEnds() {
        ListPage<String> first = list(55, null);
        assertThat(first.getPrevious()).isNull();
        assertThat(first.getNext()).isEqualTo("catalogue.xhtml?page=2");

        ListPage<String> middle = list(55, "2");
        assertThat(middle.getPrevious()).isEqualTo("catalogue.xhtml");
        assertThat(middle.getNext()).isEqualTo("catalogue.xhtml?page=3");

        ListPage<String> last = list(55, "3");
        assertThat(last.getNext()).isNull();
    }

    @Test
    void theNumberedLinksShowTheEndsAndTheNeighboursWithGapsBetween() {
        assertThat(labels(list(55, "2").getPages())).containsExactly("1", "[2]", "3");
        assertThat(labels(list(400, "10").getPages())).containsExactly("1", "…", "8", "9", "[10]", "11", "12", "…", "20");
        assertThat(labels(list(400, "1").getPages())).containsExactly("[1]", "2", "3", "…", "20");
        assertThat(labels(list(400, "20").getPages())).containsExactly("1", "…", "18", "19", "[20]");
        assertThat(list(400, "10").getPages().get(1).url()).isNull();
        assertThat(list(0, null).getPages()).isEmpty();
    }

    @Test
    void whereTheCountStoppedThereIsNoLastPageLinkButANextOne() {
        ListPage<String> page = list(50_000, "7");

        assertThat(labels(page.getPages())).containsExactly("1", "…", "5", "6", "[7]", "8", "9", "…");
        assertThat(page.getNext()).isEqualTo("catalogue.xhtml?page=8");
    }

    @Test
    void linksKeepTheFiltersOrderAndSizeAndLeaveOutDefaults() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "gard* & co");
        filters.put("available", "true");
        filters.put("empty", " ");
        filters.put("absent", null);

        ListPage<String> page = list(300, "2", "50", "-year", filters);

        assertThat(page.getNext()).isEqualTo("catalogue.xhtml?q=gard*+%26+co&available=true&sort=-year&page=3&size=50");
        assertThat(page.getPrevious()).isEqualTo("catalogue.xhtml?q=gard*+%26+co&available=true&sort=-year&size=50");
        assertThat(page.getSortParameter()).isEqualTo("-year");
        assertThat(page.getSizeParameter()).isEqualTo("50");
        assertThat(list(300, null).getSortParameter()).isNull();
        assertThat(list(300, null).getSizeParameter()).isNull();
    }

    @Test
    void aHeaderSortsByItsColumnAscendingThenDescendingFromTheFirstPage() {
        ListPage<String> byTitle = list(100, "3");
        assertThat(byTitle.ariaSort("title")).isEqualTo("ascending");
        assertThat(byTitle.ariaSort("year")).isNull();
        assertThat(byTitle.sortUrl("title")).isEqualTo("catalogue.xhtml?sort=-title");
        assertThat(byTitle.sortAction("title")).isEqualTo("sort descending");
        assertThat(byTitle.sortUrl("year")).isEqualTo("catalogue.xhtml?sort=year");
        assertThat(byTitle.sortAction("year")).isEqualTo("sort ascending");

        ListPage<String> yearDescending = list(100, "2", "10", "-year", Map.of());
        assertThat(yearDescending.ariaSort("year")).isEqualTo("descending");
        assertThat(yearDescending.sortUrl("year")).isEqualTo("catalogue.xhtml?sort=year&size=10");
        assertThat(yearDescending.sortUrl("title")).isEqualTo("catalogue.xhtml?size=10");
    }

    @Test
    void anotherPageSizeKeepsTheFirstRowInView() {
        ListPage<String> page = list(300, "3"); // rows 41-60

        assertThat(labels(page.getSizes())).containsExactly("10", "[20]", "50", "100");
        assertThat(page.getSizes()).extracting(PageLink::url).containsExactly(
                "catalogue.xhtml?page=5&size=10", "catalogue.xhtml?page=3", "catalogue.xhtml?size=50", "catalogue.xhtml?size=100");
    }

    @Test
    void aPageAfterTheEndShowsTheLastOneAndSaysSo() {
        ListPage<String> page = list(55, "9");

        assertThat(page.getPageNumber()).isEqualTo(3);
        assertThat(page.getItems()).first().isEqualTo("row 41");
        assertThat(page.getCorrections()).containsExactly("There is no page 9: the list has 3 pages; showing the last.");
        assertThat(asked).containsExactly(new PageRequest(8, 20, true), new PageRequest(2, 20, true));
    }

    @Test
    void aPageAfterTheEndOfAnEmptyListIsTheEmptyFirstPage() {
        ListPage<String> page = list(0, "4");

        assertThat(page.getPageNumber()).isEqualTo(1);
        assertThat(page.getItems()).isEmpty();
        assertThat(page.getPrevious()).isNull();
        assertThat(page.getCorrections()).isEmpty();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aPageDeeperThanAListIsReadShowsTheLastOneWithinReach() {
        ListPage<String> shortList = list(55, "9999");
        assertThat(shortList.getPageNumber()).isEqualTo(3);
        assertThat(shortList.getCorrections()).containsExactly("There is no page 9999: the list has 3 pages; showing the last.");
        assertThat(asked).as("never a page beyond the depth").allSatisfy(r -> assertThat(r.offset()).isLessThanOrEqualTo(10_000));

        ListPage<String> longList = list(1_000_000, "9999");
        assertThat(longList.getPageNumber()).isEqualTo(501);
        assertThat(longList.getItems()).first().isEqualTo("row 10001");
        assertThat(longList.getCorrections()).containsExactly(
                "There is no page 9999: lists show their first 10,000 rows (narrow the search for more); showing page 501.");
    }
}
