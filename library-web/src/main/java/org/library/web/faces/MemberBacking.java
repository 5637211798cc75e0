package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.library.catalog.Book;
import org.library.circulation.CirculationService;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberService;

/**
 * One member ({@code member.xhtml?id=12}): the books they hold now (their side of the M:N
 * relation), every loan they ever had, and (de)activation of the membership.
 */
@Named
@ViewScoped
public class MemberBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    private MemberService members;

    @Inject
    private CirculationService circulation;

    private Long id;
    private Member member;
    private List<Book> held;
    private List<Loan> history;

    public void load() {
        member = members.member(id);
        held = members.borrowedBooks(id);
        history = circulation.history(id);
    }

    public String deactivate() {
        return setActive(false, " can no longer borrow: the membership is inactive.");
    }

    public String reactivate() {
        return setActive(true, " is active again.");
    }

    private String setActive(boolean active, String message) {
        members.update(id, member.getVersion(), new MemberData(member.getMemberNumber(), member.getName(),
                member.getEmail(), member.getJoinedOn(), active));
        Messages.flash(member.getName() + message);
        return Messages.redirect("member", id);
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneId.systemDefault()));
    }

    public boolean overdue(Loan loan) {
        return circulation.daysOverdue(loan) > 0;
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
}
