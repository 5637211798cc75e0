package org.library.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.library.accounts.Account;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.notices.NoticeOutbox;

/**
 * Everything the library keeps about one member, as read in one transaction: the record, the
 * login account if any (the web shows it without its password hash), every loan still naming the
 * member (anonymised ones name nobody), every hold, each with its book, whether the member has
 * a calendar link (never the link: only its hash is kept), and the e-mail notices the library
 * made for them (kept {@link NoticeOutbox#KEPT}), with their choice of getting them.
 */
public record MemberDataExport(Instant exportedAt, Member member, Optional<Account> account, List<Loan> loans, List<Hold> holds,
                               boolean calendarLink, boolean notices, List<NoticeOutbox.Entry> noticeLog) {
}
