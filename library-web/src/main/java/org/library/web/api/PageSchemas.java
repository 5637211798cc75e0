package org.library.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.web.api.Views.AuthorView;
import org.library.web.api.Views.LibrarianView;
import org.library.web.api.Views.LoanView;
import org.library.web.api.Views.MemberView;

/**
 * Documentation only: the concrete shapes of {@link PageView} per resource, for the OpenAPI
 * document (a generic record cannot name its item schema there).
 */
final class PageSchemas {

    private PageSchemas() {
    }

    @Schema(name = "AuthorPage")
    record AuthorPage(List<AuthorView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                    Integer totalPages) {
    }

    @Schema(name = "BookPage")
    record BookPage(List<BookView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                    Integer totalPages) {
    }

    @Schema(name = "MemberPage")
    record MemberPage(List<MemberView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                    Integer totalPages) {
    }

    @Schema(name = "LoanPage")
    record LoanPage(List<LoanView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                    Integer totalPages) {
    }

    @Schema(name = "LibrarianPage")
    record LibrarianPage(List<LibrarianView> items, int page, int size, boolean hasNext, long total, boolean totalExact,
                    Integer totalPages) {
    }

    @Schema(name = "HistoryPage")
    record HistoryPage(List<Histories.HistoryEntryView> items, int page, int size, boolean hasNext, long total,
                       boolean totalExact, Integer totalPages) {
    }
}
