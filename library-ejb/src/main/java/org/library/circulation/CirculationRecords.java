package org.library.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.function.LongFunction;
import org.library.catalog.BookOnHoldException;
import org.library.catalog.BookRemoving;
import org.library.catalog.CopiesAdded;
import org.library.changes.ChangeLog;
import org.library.members.MemberHasHoldsException;
import org.library.members.MemberRemoving;
import org.library.platform.LibraryException;

/**
 * Circulation's answer to what the catalogue and the members component announce: circulation
 * owns the loans and holds tables, so it alone deletes their rows and fills the hold queue; the
 * components that announce depend on nothing of circulation. Observers run synchronously in the
 * announcer's transaction, so a refusal thrown here rolls the whole change back.
 */
@ApplicationScoped
public class CirculationRecords {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CirculationService circulation;

    @Inject
    private ChangeLog changes;

    /**
     * A book goes with its past loans and closed holds (the history of a title the library no
     * longer has), never while members wait for it.
     *
     * @throws BookOnHoldException while members wait for it
     */
    void bookRemoving(@Observes BookRemoving removing) {
        removeHistory("book", removing.bookId(), holds -> new BookOnHoldException(removing.title(), holds));
    }

    /**
     * A member goes with their past loans and closed holds (their personal history), never with
     * holds waiting or ready.
     *
     * @throws MemberHasHoldsException while the member has holds waiting or ready
     */
    void memberRemoving(@Observes MemberRemoving removing) {
        LongFunction<LibraryException> whileHoldsActive = holds -> new MemberHasHoldsException(removing.memberNumber(), holds);
        if (removing.erasure()) {
            anonymiseHistory(removing.memberId(), whileHoldsActive);
        } else {
            removeHistory("member", removing.memberId(), whileHoldsActive);
        }
    }

    /**
     * An erased member's loans stay without their member (each logged as changed, so that a mirror
     * forgets the member too); their closed holds go. The member holds no book (checked before),
     * so every loan is returned.
     */
    private void anonymiseHistory(long memberId, LongFunction<LibraryException> whileHoldsActive) {
        refuseActiveHolds("member", memberId, whileHoldsActive);
        em.createQuery("DELETE FROM Hold h WHERE h.member.id = :id").setParameter("id", memberId).executeUpdate();
        for (Loan loan : em.createQuery("SELECT l FROM Loan l WHERE l.member.id = :id ORDER BY l.id", Loan.class)
                .setParameter("id", memberId).getResultList()) {
            Map<String, Object> before = loan.recordedState();
            loan.anonymise();
            changes.recordUpdate(loan, before);
        }
    }

    /** Deletes the holds and loans of the book or the member ({@code party}), unless holds are active. */
    private void removeHistory(String party, long id, LongFunction<LibraryException> whileHoldsActive) {
        refuseActiveHolds(party, id, whileHoldsActive);
        em.createQuery("DELETE FROM Hold h WHERE h." + party + ".id = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM Loan l WHERE l." + party + ".id = :id").setParameter("id", id).executeUpdate();
    }

    private void refuseActiveHolds(String party, long id, LongFunction<LibraryException> whileHoldsActive) {
        long holds = em.createQuery("SELECT COUNT(h) FROM Hold h WHERE h." + party + ".id = :id AND h.status IN :active", Long.class)
                .setParameter("id", id).setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        if (holds > 0) {
            throw whileHoldsActive.apply(holds);
        }
    }

    /** Members waiting for the book come first: each new copy goes aside for the next in line. */
    void copiesAdded(@Observes CopiesAdded added) {
        circulation.offerShelfCopies(added.bookId());
    }
}
