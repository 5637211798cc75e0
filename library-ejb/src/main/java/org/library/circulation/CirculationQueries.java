package org.library.circulation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.members.Member;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SortOrder;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * What circulation's records say, read only: loans and their history, holds and queues, the
 * library's counts. The commands that change them are {@link CirculationService}'s.
 */
@Stateless
@Guarded
@Allowed(Roles.CIRCULATION)
public class CirculationQueries {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    public static final Map<String, String> LOAN_SORTS = Map.of(
            "borrowedAt", "l.borrowedAt", "dueOn", "l.dueOn", "returnedAt", "l.returnedAt");

    /**
     * A page of loans, each with its member (none once anonymised), book and author.
     *
     * @param overdueOnly only open loans whose due date has passed
     */
    public Page<Loan> loans(boolean overdueOnly, PageRequest request, SortOrder sort) {
        PagedQuery<Loan> query = new PagedQuery<>(Loan.class, "SELECT l FROM Loan l", "SELECT l.id FROM Loan l")
                .fetchOptional("l.member").fetch("l.book", "l.book.author");
        if (overdueOnly) {
            query.where("l.returnedAt IS NULL AND l.dueOn < :today", "today", LocalDate.now(clock));
        }
        return query.page(em, request, sort.toJpql(LOAN_SORTS, "l.id"));
    }

    /** Titles, copies, copies out, members and overdue loans, for the home page. */
    @Allowed(Roles.ANYONE)
    public LibraryStatistics statistics() {
        Object[] books = em.createQuery("SELECT COUNT(b), COALESCE(SUM(b.copies), 0), COALESCE(SUM(b.onLoan), 0) FROM Book b",
                Object[].class).getSingleResult();
        long members = em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult();
        long overdue = em.createQuery("SELECT COUNT(l) FROM Loan l WHERE l.returnedAt IS NULL AND l.dueOn < :today",
                Long.class).setParameter("today", LocalDate.now(clock)).getSingleResult();
        return new LibraryStatistics(((Number) books[0]).longValue(), ((Number) books[1]).longValue(),
                ((Number) books[2]).longValue(), members, overdue);
    }

    /** Days past the due date on {@code loan}, 0 when it is not overdue (today by the service's clock). */
    @Allowed(Roles.ANYONE)
    public long daysOverdue(Loan loan) {
        return loan.daysOverdueOn(LocalDate.now(clock));
    }

    public Loan loan(long id) {
        return Optional.ofNullable(em.find(Loan.class, id)).orElseThrow(() -> new RecordNotFoundException("loan", id));
    }

    /** Every loan of the member, newest first, each with its book and author. */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public List<Loan> history(long memberId) {
        member(memberId);
        return em.createNamedQuery(Loan.HISTORY_OF_MEMBER, Loan.class).setParameter("memberId", memberId)
                .getResultList();
    }



    /** Loans not returned yet, i.e. copies out now: one count on an index, for the metrics' gauge. */
    @Allowed(Roles.ANYONE)
    public long activeLoans() {
        return em.createQuery("SELECT COUNT(l) FROM Loan l WHERE l.returnedAt IS NULL", Long.class).getSingleResult();
    }

    /** The member's holds, newest first, with their books; each waiting one with its place in line. */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public List<Hold> holds(long memberId) {
        List<Hold> holds = em.createNamedQuery(Hold.OF_MEMBER, Hold.class).setParameter("memberId", memberId).getResultList();
        if (holds.isEmpty()) {
            member(memberId); // none: a member without holds, or no member (404); with holds, the member exists
            return holds;
        }
        // the holds come with their member, book and author: with the places in line, two statements, as the member's other lists
        if (holds.stream().noneMatch(hold -> hold.getStatus() == Hold.Status.WAITING)) {
            return holds;
        }
        Map<Long, Integer> positions = em.createNamedQuery(Hold.POSITIONS_OF_MEMBER, Object[].class)
                .setParameter("memberId", memberId).setParameter("waiting", Hold.Status.WAITING).getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> ((Number) row[0]).longValue(), row -> ((Number) row[1]).intValue()));
        holds.forEach(hold -> hold.inQueueAt(positions.get(hold.getId())));
        return holds;
    }

    /** The queue of a book: its waiting holds, first in line first, each with its place in line. */
    public List<Hold> queue(long bookId) {
        Book book = Optional.ofNullable(em.find(Book.class, bookId))
                .orElseThrow(() -> new RecordNotFoundException("book", bookId));
        List<Hold> queue = em.createNamedQuery(Hold.QUEUE, Hold.class).setParameter("book", book)
                .setParameter("waiting", Hold.Status.WAITING).getResultList();
        for (int i = 0; i < queue.size(); i++) {
            queue.get(i).inQueueAt(i + 1);
        }
        return queue;
    }

    private Member member(long memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .orElseThrow(() -> new RecordNotFoundException("member", memberId));
    }
}
