package org.library.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.privacy.MemberDataExport;
import org.library.web.api.Views.AccountView;
import org.library.web.api.Views.HoldView;
import org.library.web.api.Views.LoanView;
import org.library.web.api.Views.MemberView;

/**
 * A member's data as the export hands it out: the same shapes the API reads them in (the account
 * as {@link AccountView}, which has no password hash), under one document with its moment.
 */
@Schema(name = "MemberExport")
public record MemberExport(Instant exportedAt, MemberView member,
                           @Schema(description = "the login account, absent when the member has none") AccountView account,
                           List<LoanView> loans, List<HoldView> holds,
                           @Schema(description = "whether the member has a private calendar link (never the link itself)") boolean calendarLink,
                           @Schema(description = "whether the member gets the library's e-mail notices") boolean notices,
                           @Schema(description = "the e-mail notices made for the member, newest first (kept 90 days once sent)",
                                   type = SchemaType.ARRAY, implementation = MemberNoticesResource.NoticeView.class)
                           List<MemberNoticesResource.NoticeView> noticeLog) {

    /** @param today the library's today, for the loans' days overdue */
    static MemberExport of(MemberDataExport data, LocalDate today) {
        return new MemberExport(data.exportedAt(), MemberView.of(data.member()),
                data.account().map(account -> AccountView.of(account, 0)).orElse(null),
                data.loans().stream().map(loan -> LoanView.of(loan, today)).toList(),
                data.holds().stream().map(HoldView::of).toList(), data.calendarLink(), data.notices(),
                data.noticeLog().stream().map(MemberNoticesResource.NoticeView::of).toList());
    }
}
