package org.library.calendar;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RowLocks;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * Members' private calendar links: taking one (a new secret, replacing the member's previous link),
 * revoking it, and the feed a secret opens. The caller decides whose link it asks for (a member
 * their own); the feed itself needs no login, its secret is the key, and to a secret that is
 * malformed, unknown or revoked it answers alike: nothing.
 */
@Stateless
@Guarded
@Allowed(Roles.CARD_HOLDER)
public class CalendarFeeds {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * A new calendar link for the member, replacing the previous one (which stops working).
     *
     * @return the secret, to be shown once: only its hash is kept
     */
    public String issue(long memberId) {
        RowLocks.member(em, memberId); // two links taken at once: the second waits, then replaces the first
        if (em.find(Member.class, memberId) == null) {
            throw new RecordNotFoundException("member", memberId);
        }
        revoke(memberId);
        em.flush(); // the old row gone before the new one with the same key goes in
        String secret = CalendarSecrets.generate();
        em.persist(new CalendarToken(memberId, CalendarSecrets.hash(secret), clock.instant()));
        return secret;
    }

    /** @return whether the member had a link, which no longer works */
    public boolean revoke(long memberId) {
        return em.createQuery("DELETE FROM CalendarToken t WHERE t.memberId = :id").setParameter("id", memberId).executeUpdate() > 0;
    }

    /** Whether the member has a calendar link (never the link: only its hash is kept). */
    @Allowed({Roles.CARD_HOLDER, Roles.MEMBERS_WRITE})
    public boolean exists(long memberId) {
        return em.find(CalendarToken.class, memberId) != null;
    }

    /** The member's open loans and ready holds, for the holder of the secret; empty for any other string. */
    @Allowed(Roles.ANYONE)
    public Optional<CalendarFeed> feed(String secret) {
        if (!CalendarSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        return em.createNamedQuery(CalendarToken.BY_HASH, CalendarToken.class).setParameter("hash", CalendarSecrets.hash(secret))
                .getResultStream().findFirst()
                .map(token -> new CalendarFeed(
                        em.createQuery("SELECT l FROM Loan l JOIN FETCH l.book WHERE l.member.id = :id AND l.returnedAt IS NULL "
                                + "ORDER BY l.dueOn, l.id", Loan.class).setParameter("id", token.getMemberId()).getResultList(),
                        em.createQuery("SELECT h FROM Hold h JOIN FETCH h.book WHERE h.member.id = :id AND h.status = :ready "
                                        + "ORDER BY h.pickupBy, h.id", Hold.class).setParameter("id", token.getMemberId())
                                .setParameter("ready", Hold.Status.READY).getResultList()));
    }
}
