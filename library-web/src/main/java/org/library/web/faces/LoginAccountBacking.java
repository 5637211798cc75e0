package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.library.accounts.Account;
import org.library.accounts.AccountData;
import org.library.accounts.AccountService;
import org.library.members.Member;
import org.library.staff.Librarian;
import org.library.web.security.CurrentCaller;

/**
 * The "Login account" panel that staff see on a member's and on a librarian's page: open the
 * person's account (user name and first password) when they have none; otherwise its user name,
 * failed logins and the clients blocked after them, setting a new password (which lifts those
 * blocks), and locking or unlocking the account. The rules (user
 * name pattern, password policy, one account per person) are the account service's; its messages
 * appear beside the fields {@code username}, {@code password} and {@code newPassword}.
 */
@Named
@ViewScoped
public class LoginAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private CurrentCaller caller;

    private Long memberId;
    private Long librarianId;
    /** Who the account is for, as messages name them, e.g. {@code Ada Lovelace (M000123)}. */
    private String owner;
    private Account account;
    private long blockedClients;
    private String username;
    private String password;
    private String newPassword;

    /** f:viewAction of member.xhtml, for staff (after the member is loaded). */
    public void loadForMember(Member member) {
        caller.requireStaff();
        memberId = member.getId();
        owner = member.getName() + " (" + member.getMemberNumber() + ")";
        account = accounts.ofMember(memberId).orElse(null);
        blockedClients = account == null ? 0 : accounts.blockedClients(account.getUsername());
        username = member.getMemberNumber().toLowerCase(Locale.ROOT);
    }

    /** f:viewAction of librarian.xhtml (after the librarian is loaded). */
    public void loadForLibrarian(Librarian librarian) {
        caller.requireStaff();
        librarianId = librarian.getId();
        owner = librarian.getName() + " (" + librarian.getEmployeeNumber() + ")";
        account = accounts.ofLibrarian(librarianId).orElse(null);
        blockedClients = account == null ? 0 : accounts.blockedClients(account.getUsername());
        username = librarian.getEmployeeNumber().toLowerCase(Locale.ROOT);
    }

    public String open() {
        caller.requireStaff();
        AccountData data = new AccountData(username, password);
        Account opened = memberId != null ? accounts.openForMember(memberId, data) : accounts.openForLibrarian(librarianId, data);
        Messages.flash(owner + " can now log in as “" + opened.getUsername() + "” with the password you gave.");
        return back();
    }

    public String resetPassword() {
        caller.requireStaff();
        accounts.resetPassword(account.getUsername(), newPassword);
        Messages.flash("“" + account.getUsername() + "” has a new password; give it to " + owner + " in person.");
        return back();
    }

    private String back() {
        return memberId != null ? Messages.redirect("member", memberId) : Messages.redirect("librarian", librarianId);
    }

    public String lock() {
        caller.requireStaff();
        accounts.lock(account.getUsername());
        Messages.flash("“" + account.getUsername() + "” is locked: nobody can log in with it until you lift the lock.");
        return back();
    }

    public String unlock() {
        caller.requireStaff();
        accounts.unlock(account.getUsername());
        Messages.flash("“" + account.getUsername() + "” is unlocked: " + owner + " can log in again.");
        return back();
    }

    /** Clients blocked from the account now after repeated failed logins (each for a while; never the owner's for others' failures). */
    public long getBlockedClients() {
        return blockedClients;
    }

    /** What a password must be, as the service's policy says. */
    public String getPasswordRule() {
        return PasswordRules.DESCRIPTION;
    }

    public Account getAccount() {
        return account;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
