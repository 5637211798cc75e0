package org.library.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.library.catalog.BookOnHoldException;
import org.library.catalog.BookRemoving;
import org.library.catalog.CopiesAdded;
import org.library.members.MemberHasHoldsException;
import org.library.members.MemberRemoving;

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

    /**
     * A book goes with its past loans and closed holds (the history of a title the library no
     * longer has), never while members wait for it.
     *
     * @throws BookOnHoldException while members wait for it
     */
    void bookRemoving(@Observes BookRemoving removing) {
        long holds = em.createQuery("SELECT COUNT(h) FROM Hold h WHERE h.book.id = :book AND h.status IN :active", Long.class)
                .setParameter("book", removing.bookId()).setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        if (holds > 0) {
            throw new BookOnHoldException(removing.title(), holds);
        }
        em.createQuery("DELETE FROM Hold h WHERE h.book.id = :book").setParameter("book", removing.bookId()).executeUpdate();
        em.createQuery("DELETE FROM Loan l WHERE l.book.id = :book").setParameter("book", removing.bookId()).executeUpdate();
    }

    /**
     * A member goes with their past loans and closed holds (their personal history), never with
     * holds waiting or ready.
     *
     * @throws MemberHasHoldsException while the member has holds waiting or ready
     */
    void memberRemoving(@Observes MemberRemoving removing) {
        long holds = em.createQuery("SELECT COUNT(h) FROM Hold h WHERE h.member.id = :member AND h.status IN :active", Long.class)
                .setParameter("member", removing.memberId()).setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        if (holds > 0) {
            throw new MemberHasHoldsException(removing.memberNumber(), holds);
        }
        em.createQuery("DELETE FROM Hold h WHERE h.member.id = :member").setParameter("member", removing.memberId()).executeUpdate();
        em.createQuery("DELETE FROM Loan l WHERE l.member.id = :member").setParameter("member", removing.memberId()).executeUpdate();
    }

    /** Members waiting for the book come first: each new copy goes aside for the next in line. */
    void copiesAdded(@Observes CopiesAdded added) {
        circulation.offerShelfCopies(added.bookId());
    }
}
