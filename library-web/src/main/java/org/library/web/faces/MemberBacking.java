package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.library.catalog.Book;
import org.library.circulation.CirculationPolicy;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.circulation.PrivacySettings;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.RetriedOnLockConflict;
import org.library.web.security.CurrentCaller;

/**
 * One member ({@code member.xhtml?id=12}): the books they hold now (their side of the M:N
 * relation), each with its open loan (due date, renewals, days overdue) and a Renew button; their
 * holds with a Cancel button while active; every loan they ever had; (de)activation of the
 * membership. Each action redirects back here and says what was done; a refusal is shown by
 * {@link LibraryExceptionHandler}.
 *
 * <p>Staff see every member; a member sees only their own page (another member's id is a 403), and
 * of its actions may only cancel their own holds. The page shows each caller only the buttons they
 * may use, and every action checks again here.
 */
@Named
@ViewScoped
public class MemberBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MemberService members;

    @Inject
    private CirculationService circulation;

    @Inject
    private CirculationQueries queries;

    @Inject
    private CirculationPolicy policy;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Dates dates;

    @Inject
    private PrivacySettings privacy;

    private Long id;
    private Member member;
    private List<Book> held;
    private List<Loan> history;
    /** The open loan of each book held now, by book id. */
    private Map<Long, Loan> openLoans;
    private List<Hold> holds;

    public void load() {
        caller.requireSelfOrStaff(id);
        member = members.member(id);
        held = members.borrowedBooks(id);
        history = queries.history(id);
        openLoans = history.stream().filter(Loan::isOpen)
                .collect(Collectors.toMap(loan -> loan.getBook().getId(), Function.identity(), (a, b) -> a));
        holds = queries.holds(id);
    }

    @RetriedOnLockConflict
    public String renew(Book book) {
        caller.requireStaff();
        Loan loan = circulation.renew(id, book.getId());
        Messages.flash("“" + book.getTitle() + "” was renewed: due back on " + dates.day(loan.getDueOn())
                + " (renewal " + loan.getRenewals() + " of " + policy.maxRenewals() + ").");
        return Messages.redirect("member", id);
    }

    @RetriedOnLockConflict
    public String cancelHold(Hold hold) {
        caller.requireSelfOrStaff(id);
        circulation.cancelHold(id, hold.getId());
        Messages.flash("The hold on “" + hold.getBook().getTitle() + "” was cancelled.");
        return Messages.redirect("member", id);
    }

    public String deactivate() {
        return setActive(false, " can no longer borrow: the membership is inactive.");
    }

    public String reactivate() {
        return setActive(true, " is active again.");
    }

    private String setActive(boolean active, String message) {
        caller.requireStaff();
        members.update(id, member.getVersion(), new MemberData(MemberNumber.of(member.getMemberNumber()), member.getName(),
                EmailAddress.of(member.getEmail()), member.getJoinedOn(), active));
        Messages.flash(member.getName() + message);
        return Messages.redirect("member", id);
    }

    /**
     * Erases the member (the right to erasure): record and login account go, loans stay anonymised.
     * Refused while they hold books or have active holds, as the service says.
     */
    @RetriedOnLockConflict
    public String erase() {
        caller.requireStaff();
        members.erase(id, member.getVersion());
        Messages.flash(member.getName() + " (card " + member.getMemberNumber() + ") was erased: their loans remain, anonymised.");
        return Messages.redirect("members");
    }

    public String keepLoanHistory() {
        return setKeepLoanHistory(true, "’s returned loans will be kept in their history.");
    }

    public String forgetLoanHistory() {
        return setKeepLoanHistory(false, "’s returned loans will be anonymised after " + privacy.loanHistoryMonths() + " months.");
    }

    private String setKeepLoanHistory(boolean keep, String message) {
        caller.requireStaff();
        members.keepLoanHistory(id, keep);
        Messages.flash(member.getName() + message);
        return Messages.redirect("member", id);
    }

    public int getLoanHistoryMonths() {
        return privacy.loanHistoryMonths();
    }

    public boolean overdue(Loan loan) {
        return queries.daysOverdue(loan) > 0;
    }

    public long daysOverdue(Loan loan) {
        return loan == null ? 0 : queries.daysOverdue(loan);
    }

    /** The open loan of a book the member holds now (null only if the ledger and borrows disagree). */
    public Loan loanOf(Book book) {
        return openLoans.get(book.getId());
    }

    /** A hold's status as shown, e.g. {@code ready}. */
    public String status(Hold hold) {
        return hold.getStatus().name().toLowerCase(Locale.ROOT);
    }

    public int getMaxRenewals() {
        return policy.maxRenewals();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Member getMember() {
        return member;
    }

    public List<Book> getHeld() {
        return held;
    }

    public List<Loan> getHistory() {
        return history;
    }

    public List<Hold> getHolds() {
        return holds;
    }
}
