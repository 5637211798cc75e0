package org.library.circulation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.library.changes.ChangeLog;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * Forgets who borrowed what, once a loan was returned longer ago than the privacy setting
 * ({@link PrivacySettings}): the loan keeps its book and dates, loses its member. Not the loans of
 * a member who chose to keep their history, and never an open loan.
 */
@Stateless
@Guarded
@Allowed(Roles.STAFF)
public class LoanHistoryPrivacy {

    /**
     * Loans per transaction: each is logged, and a transaction that logs holds the change log's
     * counter until it commits (see ChangeLog), so that every other writer waits for it.
     */
    public static final int BATCH = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PrivacySettings settings;

    @Inject
    private ChangeLog changes;

    /** Returned before this instant, a loan loses its member: now, less the period, in the library's zone. */
    public Instant cutoff() {
        return ZonedDateTime.now(clock).minusMonths(settings.loanHistoryMonths()).toInstant();
    }

    /**
     * Anonymises at most {@code limit} loans due for it, oldest first, in a transaction of its own,
     * each logged as changed.
     *
     * @return how many it anonymised: fewer than {@code limit} when no more are due
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int anonymiseBatch(int limit) {
        List<Loan> due = em.createQuery("SELECT l FROM Loan l JOIN l.member m WHERE l.returnedAt IS NOT NULL "
                        + "AND l.returnedAt < :cutoff AND m.keepLoanHistory = :keep ORDER BY l.returnedAt, l.id", Loan.class)
                .setParameter("cutoff", cutoff()).setParameter("keep", false)
                .setMaxResults(limit).getResultList();
        for (Loan loan : due) {
            Map<String, Object> before = loan.recordedState();
            loan.anonymise();
            changes.recordUpdate(loan, before);
        }
        return due.size();
    }
}
