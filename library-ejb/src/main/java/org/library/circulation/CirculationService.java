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
import java.util.Map;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.catalog.Isbn;
import org.library.members.Member;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SortOrder;

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

    /**
     * Borrowing at the desk: the member's card number and the book's ISBN (any valid form), as
     * typed or scanned.
     */
    public Loan borrow(String memberNumber, String isbn) {
        return borrow(memberByNumber(memberNumber).getId(), bookByIsbn(isbn).getId());
    }

    /** Returning at the desk, by card number and ISBN. */
    public Loan giveBack(String memberNumber, String isbn) {
        return giveBack(memberByNumber(memberNumber).getId(), bookByIsbn(isbn).getId());
    }

    public static final Map<String, String> LOAN_SORTS = Map.of(
            "borrowedAt", "l.borrowedAt", "dueOn", "l.dueOn", "returnedAt", "l.returnedAt");

    /**
     * A page of loans, each with its member, book and author.
     *
     * @param overdueOnly only open loans whose due date has passed
     */
    public Page<Loan> loans(boolean overdueOnly, PageRequest request, SortOrder sort) {
        PagedQuery<Loan> query = new PagedQuery<>(Loan.class,
                "SELECT l FROM Loan l JOIN FETCH l.member m JOIN FETCH l.book b JOIN FETCH b.author a",
                "SELECT COUNT(l) FROM Loan l");
        if (overdueOnly) {
            query.where("l.returnedAt IS NULL AND l.dueOn < :today", "today", LocalDate.now(clock));
        }
        return query.page(em, request, sort.toJpql(LOAN_SORTS, "l.id"));
    }

    /** Titles, copies, copies out, members and overdue loans, for the home page. */
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
    public long daysOverdue(Loan loan) {
        return loan.daysOverdueOn(LocalDate.now(clock));
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

    private Member memberByNumber(String memberNumber) {
        String number = memberNumber == null ? "" : memberNumber.strip().toUpperCase(java.util.Locale.ROOT);
        return em.createNamedQuery(Member.BY_NUMBER, Member.class).setParameter("number", number)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("member", number));
    }

    private Book bookByIsbn(String isbn) {
        String normal = Isbn.normalise(isbn).orElseThrow(() -> new InvalidInputException(
                List.of(new FieldViolation("isbn", "must be a valid ISBN-10 or ISBN-13 (check digit included)"))));
        return em.createNamedQuery(Book.BY_ISBN, Book.class).setParameter("isbn", normal)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("book", normal));
    }

    private Member member(long memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .orElseThrow(() -> new RecordNotFoundException("member", memberId));
    }
}
