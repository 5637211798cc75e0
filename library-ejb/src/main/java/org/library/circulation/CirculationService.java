package org.library.circulation;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.library.catalog.Book;
import org.library.catalog.Isbn;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.changes.Recorded;
import org.library.circulation.CirculationEvent.Kind;
import org.library.circulation.CirculationRefusal.Operation;
import org.library.members.Member;
import org.library.members.MemberNumber;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.LibraryException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RowLocks;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/**
 * Borrowing, returning, renewing and holds, by the rules of {@link CirculationPolicy}. Each
 * operation changes the {@code borrows} association, the book's counts of copies out and set
 * aside, the loan ledger and the hold queue together, in one transaction.
 *
 * <p>Concurrency: every operation first takes write locks on the member's row, then on the book's
 * ({@link RowLocks}, always in that order). Operations on one book are thereby served
 * one after the other — two members racing for the last copy: the second sees no copy left and is
 * refused — and a member's limits are checked against their own current loans. Everything an
 * operation reads of other rows (the member's other books) it reads before it writes anything, so
 * that it never holds a written row while waiting for another: Derby would find a circle of waits
 * and abort one of the transactions. The database's
 * {@code CHECK (on_loan + on_hold <= copies)} and the primary key of {@code borrows} stand behind it.
 *
 * <p>Holds: a member may reserve a book with no copy on the shelf. The WAITING holds of a book
 * form its queue, first come first served. A returned copy goes aside for the first in the queue
 * (READY, until the pickup day) and nobody else can borrow it; an expired pickup passes the copy
 * to the next in line, or back to the shelf.
 *
 * <p>Every change is announced as a {@link CirculationEvent}, every refusal by a rule as a
 * {@link CirculationRefusal} where it is decided: the log and the business metrics observe them
 * ({@link CirculationLog}, {@code org.library.operations.CirculationMetrics}).
 */
@Stateless
@Guarded
@Allowed(Roles.CIRCULATION)
public class CirculationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CirculationPolicy policy;

    @Resource
    private SessionContext context;

    @Inject
    private Event<CirculationEvent> events;

    @Inject
    private Event<CirculationRefusal> refusals;

    @Inject
    private HoldQueue queue;

    @Inject
    private ChangeLog changes;

    /**
     * @return the new, open loan
     * @throws MemberInactiveException        when the membership is not active
     * @throws MemberHasOverdueLoansException when the member has an overdue loan
     * @throws LoanLimitReachedException      when the member holds the most books allowed
     * @throws AlreadyHoldsBookException      when the member holds a copy of this book already
     * @throws NoCopyAvailableException       when no copy is on the shelf (or set aside for them)
     */
    public Loan borrow(long memberId, long bookId) {
        Member member = lockMember(memberId);
        Book book = lockBook(bookId);
        LocalDate today = LocalDate.now(clock);
        long overdue = em.createQuery("SELECT COUNT(l) FROM Loan l WHERE l.member = :member "
                        + "AND l.returnedAt IS NULL AND l.dueOn < :today", Long.class)
                .setParameter("member", member).setParameter("today", today).getSingleResult();
        long held = em.createQuery("SELECT COUNT(l) FROM Loan l WHERE l.member = :member AND l.returnedAt IS NULL",
                Long.class).setParameter("member", member).getSingleResult();
        LendingRules.Borrower borrower = new LendingRules.Borrower(member.getMemberNumber(), member.isActive(),
                openLoan(member, book).isPresent(), overdue, held);
        LendingRules.borrowing(borrower, book.getTitle(), policy.maxLoans()).ifPresent(refusal -> {
            throw refused(Operation.BORROW, member, book, refusal.reason(), refusal.exception());
        });
        queue.expire(book, today);
        Optional<Hold> ownHold = activeHold(member, book);
        if (ownHold.filter(h -> h.getStatus() == Hold.Status.READY).isPresent()) {
            book.releaseSetAside(); // the copy set aside for this member is the one they take
        } else if (book.getAvailable() < 1) {
            throw refused(Operation.BORROW, member, book, new NoCopyAvailableException(book.getIsbn(), book.getTitle()));
        }
        Instant now = clock.instant();
        ownHold.ifPresent(h -> h.close(Hold.Status.FULFILLED, now));
        addBorrowsRow(member, book);
        Loan loan = new Loan(member, book, now, LendingRules.dueOn(today, policy.loanPeriodDays()));
        em.persist(loan);
        if (ownHold.isPresent()) {
            changes.record(ChangeAction.FULFILLED, ownHold.get());
        }
        announce(Kind.LOAN_MADE, member, book, loan);
        return loan;
    }

    /**
     * Returns the book; the copy goes aside for the first member waiting for it, if any.
     *
     * @return the loan, now closed
     * @throws NotBorrowedException when the member does not hold this book
     */
    public Loan giveBack(long memberId, long bookId) {
        Member member = lockMember(memberId);
        Book book = lockBook(bookId);
        LocalDate today = LocalDate.now(clock);
        Loan loan = openLoan(member, book).orElseThrow(() -> refused(Operation.RETURN, member, book,
                new NotBorrowedException(member.getMemberNumber(), book.getTitle())));
        loan.close(clock.instant());
        removeBorrowsRow(member, book);
        announce(Kind.LOAN_RETURNED, member, book, loan); // before the hold it makes ready, in the log too
        queue.expire(book, today);
        queue.offerToNext(book, today);
        em.flush();
        return loan;
    }

    /**
     * Extends the due date by one loan period.
     *
     * @throws RenewalRefusedException when renewed the most times allowed already, overdue past the
     *                                 grace period, or another member is waiting for the book
     * @throws NotBorrowedException    when the member does not hold this book
     */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public Loan renew(long memberId, long bookId) {
        Member member = lockMember(memberId);
        Book book = lockBook(bookId);
        Decision decision = renewLocked(member, book, LocalDate.now(clock));
        if (decision.refusal() != null) {
            throw decision.refusal();
        }
        return decision.loan();
    }

    /**
     * Renews every loan the member has open that the rules allow, each by the same rules as
     * {@link #renew}, and answers per book what was renewed (with its new due date) and why not.
     *
     * <p>One transaction, checked before it renews: the member's row is locked, then every book of
     * their open loans (in id order), before anything is written, as every operation here reads
     * before it writes; each loan is then decided by {@link LendingRules} and renewed only if
     * allowed, so a refusal is an answer, not an exception, and undoes nothing renewed before it.
     * Not one transaction per loan (REQUIRES_NEW): after a lock conflict in the third loan the
     * front door runs the whole call again ({@code RetriedOnLockConflict}), which would renew the
     * first two a second time; rolled back whole, a retried attempt renewed nothing.
     *
     * @return one answer per open loan, by title; empty when the member has none
     */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public List<Renewal> renewAll(long memberId) {
        Member member = lockMember(memberId);
        List<Long> bookIds = em.createQuery("SELECT l.book.id FROM Loan l WHERE l.member = :member "
                + "AND l.returnedAt IS NULL ORDER BY l.book.id", Long.class).setParameter("member", member).getResultList();
        List<Book> books = bookIds.stream().map(this::lockBook).toList();
        LocalDate today = LocalDate.now(clock);
        List<Renewal> renewals = new ArrayList<>();
        for (Book book : books) {
            Decision decision = renewLocked(member, book, today);
            renewals.add(decision.refusal() == null ? Renewal.of(decision.loan())
                    : Renewal.refused(book, decision.code(), decision.refusal()));
        }
        renewals.sort(java.util.Comparator.comparing((Renewal r) -> r.book().getTitle()).thenComparing(r -> r.book().getId()));
        return renewals;
    }

    /**
     * The renewal of the member's loan of a locked book, or why not (announced as a refusal): the
     * one path of {@link #renew} and {@link #renewAll}.
     */
    private Decision renewLocked(Member member, Book book, LocalDate today) {
        queue.expire(book, today);
        Optional<Loan> open = openLoan(member, book);
        if (open.isEmpty()) {
            NotBorrowedException refusal = refused(Operation.RENEW, member, book,
                    new NotBorrowedException(member.getMemberNumber(), book.getTitle()));
            return new Decision(null, refusal.code(), refusal);
        }
        Loan loan = open.get();
        long othersWaiting = em.createNamedQuery(Hold.ACTIVE_FOR_BOOK_EXCEPT, Long.class)
                .setParameter("book", book).setParameter("member", member)
                .setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        Optional<LendingRules.Refusal> refusal = LendingRules.renewing(loan.getRenewals(), loan.getDueOn(), today,
                othersWaiting, book.getTitle(), policy.maxRenewals(), policy.renewalGraceDays());
        if (refusal.isPresent()) {
            String code = refusal.get().reason();
            return new Decision(null, code, refused(Operation.RENEW, member, book, code, refusal.get().exception()));
        }
        loan.renew(LendingRules.renewedDueOn(loan.getDueOn(), today, policy.loanPeriodDays()));
        announce(Kind.LOAN_RENEWED, member, book, loan);
        return new Decision(loan, null, null);
    }

    /** A renewal made ({@code loan}), or refused: the reason's code and the exception a single renewal throws. */
    private record Decision(Loan loan, String code, LibraryException refusal) {
    }

    /**
     * Reserves a book that has no copy on the shelf; the member joins the end of its queue.
     *
     * @return the hold, WAITING, with its place in the queue ({@link Hold#getQueuePosition()}, 1 = next in line)
     *
     * @throws HoldRefusedException when a copy is on the shelf, the member holds the book already
     *                              or has a hold on it, or the membership is inactive
     * @throws HoldLimitReachedException when the member has the most holds allowed waiting or ready
     */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public Hold placeHold(long memberId, long bookId) {
        Member member = lockMember(memberId);
        Book book = lockBook(bookId);
        if (!member.isActive()) {
            throw refused(Operation.PLACE_HOLD, member, book, "member-inactive",
                    new HoldRefusedException("member " + member.getMemberNumber() + " is not active."));
        }
        if (openLoan(member, book).isPresent()) {
            throw refused(Operation.PLACE_HOLD, member, book, "already-holds-book",
                    new HoldRefusedException("member " + member.getMemberNumber() + " holds \"" + book.getTitle() + "\" now."));
        }
        if (activeHold(member, book).isPresent()) {
            throw refused(Operation.PLACE_HOLD, member, book, "already-has-hold", new HoldRefusedException(
                    "member " + member.getMemberNumber() + " has a hold on \"" + book.getTitle() + "\" already."));
        }
        long holds = em.createQuery("SELECT COUNT(h) FROM Hold h WHERE h.member = :member AND h.status IN :active", Long.class)
                .setParameter("member", member).setParameter("active", Hold.Status.ACTIVE).getSingleResult();
        if (holds >= policy.maxHolds()) {
            throw refused(Operation.PLACE_HOLD, member, book, new HoldLimitReachedException(member.getMemberNumber(), policy.maxHolds()));
        }
        queue.expire(book, LocalDate.now(clock));
        if (book.getAvailable() > 0) {
            throw refused(Operation.PLACE_HOLD, member, book, "copy-on-shelf",
                    new HoldRefusedException("a copy of \"" + book.getTitle() + "\" is on the shelf; borrow it instead."));
        }
        Hold hold = new Hold(member, book, clock.instant());
        em.persist(hold);
        em.flush(); // the count sees the new hold
        // counted before the change is logged: the log's counter, which every writer needs, is taken
        // last and held for the commit alone, never while this transaction reads other rows
        hold.inQueueAt(queue.position(hold));
        announce(Kind.HOLD_PLACED, member, book, hold);
        return hold;
    }

    /**
     * Cancels a hold; a copy set aside for it passes to the next in line (or back to the shelf).
     *
     * @throws HoldNotActiveException when the hold is no longer waiting or ready
     */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    public Hold cancelHold(long memberId, long holdId) {
        // only the keys first: loading the hold's book before locking it would read a stale row
        long bookId = em.createQuery("SELECT h.book.id FROM Hold h WHERE h.id = :id AND h.member.id = :memberId", Long.class)
                .setParameter("id", holdId).setParameter("memberId", memberId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("hold", holdId));
        Member member = lockMember(memberId);
        Book book = lockBook(bookId);
        Hold found = em.find(Hold.class, holdId);
        if (!found.getStatus().isActive()) {
            throw refused(Operation.CANCEL_HOLD, member, book, new HoldNotActiveException(holdId, found.getStatus()));
        }
        boolean hadCopy = found.getStatus() == Hold.Status.READY;
        found.close(Hold.Status.CANCELLED, clock.instant());
        announce(Kind.HOLD_CANCELLED, member, book, found); // before the hold it makes ready, in the log too
        if (hadCopy) {
            queue.passSetAsideCopy(book, LocalDate.now(clock));
        }
        em.flush();
        return found;
    }

    /**
     * Ends every pickup window that has passed: each such copy passes to the next member in its
     * book's queue, or back to the shelf. Runs on a timer ({@link HoldExpiry}) and before every
     * operation on a book, so that a late pickup never blocks anyone.
     *
     * @return how many holds expired
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one transaction per book, below
    public int expireHolds() {
        List<Long> books = em.createQuery("SELECT DISTINCT h.book.id FROM Hold h WHERE h.status = :ready "
                        + "AND h.pickupBy < :today", Long.class)
                .setParameter("ready", Hold.Status.READY).setParameter("today", LocalDate.now(clock)).getResultList();
        CirculationService self = context.getBusinessObject(CirculationService.class);
        return books.stream().mapToInt(self::expireHoldsOf).sum();
    }

    /**
     * Ends the passed pickup windows of one book. Its own transaction: holding one book's lock
     * while waiting for another's could close a circle with an operation that reads the first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireHoldsOf(long bookId) {
        int expired = queue.expire(lockBook(bookId), LocalDate.now(clock));
        em.flush();
        return expired;
    }

    /**
     * After the library added copies of a book: each new copy on the shelf goes aside for the next
     * member waiting for it, as a returned copy would. Joins the caller's transaction.
     */
    @Allowed({Roles.CIRCULATION, Roles.CATALOGUE_WRITE})
    public void offerShelfCopies(long bookId) {
        Book book = lockBook(bookId);
        LocalDate today = LocalDate.now(clock);
        while (queue.offerToNext(book, today)) {
            em.flush(); // the queue query must see the hold just made ready
        }
    }

    private Optional<Loan> openLoan(Member member, Book book) {
        return em.createNamedQuery(Loan.OPEN_FOR, Loan.class)
                .setParameter("member", member).setParameter("book", book)
                .getResultStream().findFirst();
    }

    /*
     * The borrows row is written here with SQL rather than through Member.borrow(Book), the
     * two-sided helper: that helper loads the member's books and the book's borrowers, i.e. reads
     * rows of other books and members that concurrent operations hold locked — a circle of waits
     * Derby resolves by aborting one of them. The open loans (the member's own rows) answer the
     * same questions, and the loan and the borrows row are always written together. No entity
     * here holds a loaded copy of either collection (and there is no shared cache), so nothing in
     * memory disagrees with the row.
     */
    private void addBorrowsRow(Member member, Book book) {
        em.createNativeQuery("INSERT INTO borrows (member_id, book_id) VALUES (?, ?)")
                .setParameter(1, member.getId()).setParameter(2, book.getId()).executeUpdate();
        book.countLent();
    }

    private void removeBorrowsRow(Member member, Book book) {
        int deleted = em.createNativeQuery("DELETE FROM borrows WHERE member_id = ? AND book_id = ?")
                .setParameter(1, member.getId()).setParameter(2, book.getId()).executeUpdate();
        if (deleted != 1) {
            // the ledger says the member holds the book, borrows says not: refuse to make it worse
            throw new IllegalStateException("borrows has no row for member " + member.getId() + " and book "
                    + book.getId() + " although a loan is open; nothing was changed");
        }
        book.countReturned();
    }

    private Optional<Hold> activeHold(Member member, Book book) {
        return em.createNamedQuery(Hold.ACTIVE_OF_MEMBER_FOR_BOOK, Hold.class)
                .setParameter("member", member).setParameter("book", book).setParameter("active", Hold.Status.ACTIVE)
                .getResultStream().findFirst();
    }

    /*
     * The desk's commands: the member's card number and the book's ISBN, as typed or scanned, for
     * the operation of the same name by ids. A card or an ISBN that names nobody is refused as the
     * field it was typed in, both at once when both are wrong: the desk shows each beside its field.
     */

    public Loan borrow(MemberNumber card, Isbn isbn) {
        Desk desk = desk(card, isbn);
        return borrow(desk.memberId(), desk.bookId());
    }

    public Loan giveBack(MemberNumber card, Isbn isbn) {
        Desk desk = desk(card, isbn);
        return giveBack(desk.memberId(), desk.bookId());
    }

    public Loan renew(MemberNumber card, Isbn isbn) {
        Desk desk = desk(card, isbn);
        return renew(desk.memberId(), desk.bookId());
    }

    public Hold placeHold(MemberNumber card, Isbn isbn) {
        Desk desk = desk(card, isbn);
        return placeHold(desk.memberId(), desk.bookId());
    }

    private record Desk(long memberId, long bookId) {
    }

    private Desk desk(MemberNumber card, Isbn isbn) {
        List<Long> member = em.createQuery("SELECT m.id FROM Member m WHERE m.memberNumber = :number", Long.class)
                .setParameter("number", card.value()).getResultList();
        List<Long> book = em.createQuery("SELECT b.id FROM Book b WHERE b.isbn = :isbn", Long.class)
                .setParameter("isbn", isbn.value()).getResultList();
        List<FieldViolation> unknown = new ArrayList<>();
        if (member.isEmpty()) {
            unknown.add(new FieldViolation("memberNumber", "no member has the card number " + card));
        }
        if (book.isEmpty()) {
            unknown.add(new FieldViolation("isbn", "no book in the catalogue has the ISBN " + isbn));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return new Desk(member.get(0), book.get(0));
    }

    /** Logs the change (which flushes it first) and tells the observers once it is committed. */
    private void announce(Kind kind, Member member, Book book, Recorded record) {
        changes.record(kind.action(), record);
        events.fire(new CirculationEvent(kind, member.getId(), book.getId(), record.getId()));
    }

    /** Tells the observers (log, metrics) why an operation is refused; answers the exception to throw. */
    private <E extends LibraryException> E refused(Operation operation, Member member, Book book, E refusal) {
        return refused(operation, member, book, refusal.code(), refusal);
    }

    private <E extends LibraryException> E refused(Operation operation, Member member, Book book, String reason,
            E refusal) {
        refusals.fire(new CirculationRefusal(operation, member.getId(), book.getId(), reason));
        return refusal;
    }

    private Book lockBook(long bookId) {
        RowLocks.book(em, bookId);
        return Optional.ofNullable(em.find(Book.class, bookId))
                .orElseThrow(() -> new RecordNotFoundException("book", bookId));
    }

    private Member lockMember(long memberId) {
        RowLocks.member(em, memberId);
        return Optional.ofNullable(em.find(Member.class, memberId))
                .orElseThrow(() -> new RecordNotFoundException("member", memberId));
    }


}
