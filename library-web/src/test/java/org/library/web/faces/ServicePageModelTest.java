package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.junit.jupiter.api.Test;

class ServicePageModelTest {

    private final List<PageRequest> asked = new ArrayList<>();

    private ServicePageModel<String> model(long total, boolean exact) {
        return new ServicePageModel<>((request, sort) -> {
            asked.add(request);
            return new Page<>(List.of("row"), request.page(), request.size(), total, exact);
        }, SortOrder.asc("title"), row -> row);
    }

    @Test
    void theTableAsksForTheTotalAndPagesThroughWhatWasCounted() {
        ServicePageModel<String> model = model(42, true);

        assertThat(model.load(20, 20, Map.of(), Map.of())).containsExactly("row");

        assertThat(asked).containsExactly(new PageRequest(1, 20, true));
        assertThat(model.getRowCount()).isEqualTo(42);
        assertThat(model.getPageReport()).isEqualTo("{startRecord}–{endRecord} of {totalRecords}");
    }

    @Test
    void aCountThatStoppedIsReportedAsMoreThanTenThousand() {
        ServicePageModel<String> model = model(Page.COUNT_LIMIT + 1, false);

        model.load(0, 20, Map.of(), Map.of());

        assertThat(model.getRowCount()).isEqualTo(10_001);
        assertThat(model.getPageReport()).isEqualTo("{startRecord}–{endRecord} of more than 10,000");
    }

    @Test
    void aPageSizeAboveTheServicesLimitIsCutToIt() {
        model(1, true).load(0, 500, Map.of(), Map.of());

        assertThat(asked).containsExactly(new PageRequest(0, PageRequest.MAX_SIZE, true));
    }
}
