package org.library.web.faces;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.library.accounts.AccountService;
import org.library.accounts.Caller;
import org.library.calendar.CalendarFeeds;
import org.library.circulation.PrivacySettings;
import org.library.members.Member;
import org.library.members.MemberService;
import org.library.platform.AccessDeniedException;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.NaturalKey;
import org.library.platform.RetriedOnLockConflict;
import org.library.web.security.CurrentCaller;
import org.library.web.security.LibraryAuthenticationMechanism;
import org.library.web.security.TrustedProxies;

/**
 * "My account" ({@code account.xhtml}), for whoever is logged in: their user name and role,
 * changing their own password, proven with the current one, and for a member their own e-mail
 * address (checked and refused by the service as staff's changes are, beside the field). The service decides about both
 * passwords (its messages appear beside {@code currentPassword} and {@code newPassword}); that the
 * new one was typed twice the same is checked here, as a Faces validation of the repeat field.
 */
@Named
@RequestScoped
public class AccountBacking {

    static final String MISMATCH = "does not match the new password";

    private static final String CALENDAR_URL = "calendarUrl";

    @Inject
    private AccountService accounts;

    @Inject
    private CurrentCaller caller;

    @Inject
    private TrustedProxies proxies;

    @Inject
    private MemberService members;

    @Inject
    private PrivacySettings privacy;

    @Inject
    private CalendarFeeds calendars;

    private Caller me;
    private String email;
    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

    @PostConstruct
    void load() {
        me = caller.get().orElse(null);
        if (me != null && me.memberId() != null) {
            email = members.member(me.memberId()).getEmail();
        }
    }

    /** A member's new address for their own record: parsed as every front door does, decided by the service. */
    @RetriedOnLockConflict
    public String changeEmail() {
        long memberId = caller.requireOwnMemberId("Only a member's account has an e-mail address of its own here.");
        List<FieldViolation> refused = new ArrayList<>();
        EmailAddress address = NaturalKey.parse("email", email, EmailAddress::parse, EmailAddress.FORM, refused);
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        Member member = members.changeEmail(memberId, address);
        Messages.flash("Your e-mail address is now " + member.getEmail() + ".");
        return Messages.redirect("account");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String changePassword() {
        Caller owner = caller.get().orElseThrow(() -> new AccessDeniedException("Log in to change your password."));
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        int generation = accounts.changeOwnPassword(owner.username(), currentPassword, newPassword,
                proxies.client(request));
        LibraryAuthenticationMechanism.carryOn(request, generation); // this session goes on; the account's others end
        Messages.flash("Your password was changed. Use the new one from now on; you were logged out everywhere else.");
        return Messages.redirect("account");
    }

    /** A member's choice: their returned loans stay named after the library's anonymisation period. */
    public String keepLoanHistory() {
        return setKeepLoanHistory(true, "Your returned loans will be kept in your history.");
    }

    /** A member's choice: their returned loans are anonymised after the library's period (the default). */
    public String forgetLoanHistory() {
        return setKeepLoanHistory(false, "Your returned loans will be anonymised after " + privacy.loanHistoryMonths() + " months.");
    }

    private String setKeepLoanHistory(boolean keep, String message) {
        members.keepLoanHistory(ownMemberId(), keep);
        Messages.flash(message);
        return Messages.redirect("account");
    }

    /** Whether the member keeps their returned loans named; false for staff. */
    public boolean isKeepingLoanHistory() {
        Long memberId = getMemberId();
        return memberId != null && members.member(memberId).isKeepLoanHistory();
    }

    public int getLoanHistoryMonths() {
        return privacy.loanHistoryMonths();
    }

    /**
     * A new private calendar link for the member, shown on the page this once (only its hash is
     * kept); the previous link stops working. The URL is the API's {@code /api/calendars/{secret}.ics}.
     */
    public String takeCalendarLink() {
        String secret = calendars.issue(ownMemberId());
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.length() - request.getRequestURI().length()) + request.getContextPath();
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(CALENDAR_URL, base + "/api/calendars/" + secret + ".ics");
        Messages.flash("Your calendar link is below. Add it to your calendar application as a subscription; it is shown this once.");
        return Messages.redirect("account");
    }

    public String revokeCalendarLink() {
        calendars.revoke(ownMemberId());
        Messages.flash("Your calendar link was revoked: calendar applications can no longer read it.");
        return Messages.redirect("account");
    }

    /** Whether the member has a calendar link; false for staff. */
    public boolean isHasCalendarLink() {
        Long memberId = getMemberId();
        return memberId != null && calendars.exists(memberId);
    }

    /** The link just taken, for the page after the redirect (the flash scope); null otherwise. */
    public String getNewCalendarUrl() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getFlash().get(CALENDAR_URL);
    }

    private long ownMemberId() {
        Long memberId = getMemberId();
        if (memberId == null) {
            throw new AccessDeniedException("Only a member's account has loans, a loan history and a calendar.");
        }
        return memberId;
    }

    /** The repeat field's validator: the same as the new password typed just above it. */
    public void validateRepeat(FacesContext context, UIComponent repeat, Object value) {
        UIInput first = (UIInput) repeat.findComponent("newPassword");
        if (first != null && first.isValid() && !Objects.equals(first.getValue(), value)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, MISMATCH, MISMATCH));
        }
    }

    public String getUsername() {
        return me == null ? null : me.username();
    }

    /** The member record of a member's account (for the link to their loans); null for staff. */
    public Long getMemberId() {
        return me == null ? null : me.memberId();
    }

    /** The librarian record of a staff account (for the link to their profile); null for members. */
    public Long getLibrarianId() {
        return me == null ? null : me.librarianId();
    }

    /** The role as a person says it. */
    public String getRole() {
        return me == null ? "" : me.isStaff() ? "Librarian (staff)" : "Member";
    }

    public String getPasswordRule() {
        return PasswordRules.DESCRIPTION;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
