package org.library.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.members.MemberRemoving;

/**
 * A member's login account goes with the member, in the removing transaction. The foreign key
 * would take it along too (ON DELETE CASCADE); removed here, its going is in the change log.
 */
@ApplicationScoped
public class AccountRecords {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChangeLog changes;

    void memberRemoving(@Observes MemberRemoving removing) {
        for (Account account : em.createNamedQuery(Account.OF_MEMBER, Account.class)
                .setParameter("id", removing.memberId()).getResultList()) {
            em.remove(account);
            changes.record(ChangeAction.DELETED, account);
        }
    }
}
