package org.library.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.library.accounts.Account;
import org.library.calendar.CalendarFeeds;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.notices.NoticeOutbox;
import org.library.platform.RecordNotFoundException;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/** A member's data, gathered for staff to hand to the member (the right of access). */
@Stateless
@Guarded
@Allowed(Roles.MEMBERS_WRITE)
public class MemberExports {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CalendarFeeds calendars;

    @Inject
    private NoticeOutbox notices;

    /** More notices than a member gets in the time they are kept (a digest a day, and each hold ready). */
    static final int NOTICES = 1_000;

    public MemberDataExport export(long memberId) {
        Member member = Optional.ofNullable(em.find(Member.class, memberId))
                .orElseThrow(() -> new RecordNotFoundException("member", memberId));
        return new MemberDataExport(clock.instant(), member,
                em.createNamedQuery(Account.OF_MEMBER, Account.class).setParameter("id", memberId).getResultStream().findFirst(),
                em.createNamedQuery(Loan.HISTORY_OF_MEMBER, Loan.class).setParameter("memberId", memberId).getResultList(),
                em.createNamedQuery(Hold.OF_MEMBER, Hold.class).setParameter("memberId", memberId).getResultList(),
                calendars.exists(memberId), member.wantsNotices(), notices.log(memberId, NOTICES));
    }
}
