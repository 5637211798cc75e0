package org.library.circulation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.members.Member;
import org.library.platform.RecordNotFoundException;

/**
 * Borrowing and returning. Each operation changes the {@code borrows} association, the book's
 * count of copies out and the loan ledger together, in one transaction.
 *
 * <p>Concurrency: every borrow or return of a book first takes a write lock on that book's row
 * ({@code SELECT ... FOR UPDATE}). Two members racing for the last copy are thereby served one
 * after the other; the second sees no copy left and is refused. The database's
 * {@code CHECK (on_loan <= copies)} and the primary key of {@code borrows} stand behind it.
 */
@Stateless
public class CirculationService {

    /** Days from borrowing to the due date. */
    public static final int LOAN_PERIOD_DAYS = 21;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * @return the new, open loan
     * @throws MemberInactiveException   when the membership is not active
     * @throws AlreadyHoldsBookException when the member holds a copy of this book already
     * @throws NoCopyAvailableException  when every copy is out
     */
    public Loan borrow(long memberId, long bookId) {
        Book book = lockBook(bookId);
        Member member = member(memberId);
        if (!member.isActive()) {
            throw new MemberInactiveException(member.getMemberNumber());
        }
        if (member.holds(book)) {
            throw new AlreadyHoldsBookException(member.getMemberNumber(), book.getTitle());
        }
        if (book.getAvailable() < 1) {
            throw new NoCopyAvailableException(book.getIsbn(), book.getTitle());
        }
        member.borrow(book);
        Instant now = clock.instant();
        Loan loan = new Loan(member, book, now, LocalDate.ofInstant(now, clock.getZone()).plusDays(LOAN_PERIOD_DAYS));
        em.persist(loan);
        em.flush();
        return loan;
    }

    /**
     * @return the loan, now closed
     * @throws NotBorrowedException when the member does not hold this book
     */
    public Loan giveBack(long memberId, long bookId) {
        Book book = lockBook(bookId);
        Member member = member(memberId);
        if (!member.giveBack(book)) {
            throw new NotBorrowedException(member.getMemberNumber(), book.getTitle());
        }
        Loan loan = em.createNamedQuery(Loan.OPEN_FOR, Loan.class)
                .setParameter("member", member).setParameter("book", book)
                .getSingleResult();
        loan.close(clock.instant());
        em.flush();
        return loan;
    }

    public Loan loan(long id) {
        return Optional.ofNullable(em.find(Loan.class, id)).orElseThrow(() -> new RecordNotFoundException("loan", id));
    }

    /** Every loan of the member, newest first, each with its book and author. */
    public List<Loan> history(long memberId) {
        member(memberId);
        return em.createNamedQuery(Loan.HISTORY_OF_MEMBER, Loan.class).setParameter("memberId", memberId)
                .getResultList();
    }

    /** Open loans whose due date has passed, the longest overdue first. */
    public List<Loan> overdue() {
        return em.createNamedQuery(Loan.OVERDUE, Loan.class).setParameter("today", LocalDate.now(clock))
                .getResultList();
    }

    public long openLoans() {
        return em.createNamedQuery(Loan.COUNT_OPEN, Long.class).getSingleResult();
    }

    private Book lockBook(long bookId) {
        return Optional.ofNullable(em.find(Book.class, bookId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new RecordNotFoundException("book", bookId));
    }

    private Member member(long memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .orElseThrow(() -> new RecordNotFoundException("member", memberId));
    }
}
