package org.library.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
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
import org.library.circulation.Renewal;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.RetriedOnLockConflict;
import org.library.web.security.CurrentCaller;

/**
 * One member ({@code member.xhtml?id=12}): the books they hold now (their side of the M:N
 * relation), each with its open loan (due date, renewals, days overdue) and a Renew button, and
 * "Renew all"; their holds with their place in line or pickup deadline, and a Cancel button while
 * active; every loan they ever had; (de)activation of the membership. Each action redirects back
 * here and says what was done (per book, for "Renew all"); a refusal is shown by
 * {@link LibraryExceptionHandler}.
 *
 * <p>Staff see every member; a member sees only their own page ("My loans"; another member's id is
 * a 403), and of its actions may renew their loans and cancel their holds. The page shows each
 * caller only the buttons they may use, and every action checks again here.
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
    private Map<Long, RenewalAnswer> renewalAnswers = Map.of();

    @SuppressWarnings("unchecked") // only renewAll puts it, thus
    public void load() {
        caller.requireSelfOrStaff(id);
        Object answers = FacesContext.getCurrentInstance().getExternalContext().getFlash().get(RENEWALS);
        if (answers != null) {
            renewalAnswers = new HashMap<>((Map<Long, RenewalAnswer>) answers);
        }
        member = members.member(id);
        held = members.borrowedBooks(id);
        history = queries.history(id);
        openLoans = history.stream().filter(Loan::isOpen)
                .collect(Collectors.toMap(loan -> loan.getBook().getId(), Function.identity(), (a, b) -> a));
        holds = queries.holds(id);
    }

    @RetriedOnLockConflict
    public String renew(Book book) {
        caller.requireSelfOrStaff(id);
        Loan loan = circulation.renew(id, book.getId());
        Messages.flash("“" + book.getTitle() + "” was renewed: due back on " + dates.day(loan.getDueOn())
                + " (renewal " + loan.getRenewals() + " of " + policy.maxRenewals() + ").");
        return Messages.redirect("member", id);
    }

    /** Renews what may be renewed, and says per book: renewed until when, or why not. */
    @RetriedOnLockConflict
    public String renewAll() {
        caller.requireSelfOrStaff(id);
        List<Renewal> renewals = circulation.renewAll(id);
        HashMap<Long, RenewalAnswer> answers = new HashMap<>();
        for (Renewal renewal : renewals) {
            answers.put(renewal.book().getId(), renewal.renewed()
                    ? new RenewalAnswer(true, "Renewed until " + dates.day(renewal.dueOn()) + ".")
                    : new RenewalAnswer(false, "Not renewed: " + renewal.reason()));
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(RENEWALS, answers);
        long renewed = answers.values().stream().filter(RenewalAnswer::renewed).count();
        long refused = renewals.size() - renewed;
        Messages.flash("Renew all: " + renewed + " of " + renewals.size() + (renewals.size() == 1 ? " loan" : " loans")
                + " renewed" + (refused == 0 ? "." : "; why not the " + (refused == 1 ? "other" : refused + " others")
                + " is said beside " + (refused == 1 ? "it." : "each.")));
        return Messages.redirect("member", id);
    }

    /** What "Renew all" answered for one book, shown beside its loan on the page it leads to. */
    public record RenewalAnswer(boolean renewed, String text) implements Serializable {
    }

    /** The flash entry that carries "Renew all"'s answers, by book id, across its redirect. */
    private static final String RENEWALS = "library.renewals";

    /** "Renew all"'s answer for this book, on the page right after it; null otherwise. */
    public RenewalAnswer renewalOf(Book book) {
        return renewalAnswers.get(book.getId());
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
