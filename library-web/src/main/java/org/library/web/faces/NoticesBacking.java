package org.library.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.library.members.MemberService;
import org.library.notices.NoticeOutbox;
import org.library.notices.NoticeSettings;
import org.library.web.security.CurrentCaller;

/**
 * The library's e-mails on the pages: on "My account", a member switches them on or off; on a
 * member's page, staff read the member's notice log (what was sent, what failed and why). The
 * rules, and who may do which, are the services'.
 */
@Named
@RequestScoped
public class NoticesBacking {

    /** The most notices the member page lists: the newest; the rest are in the API. */
    static final int LOG_SHOWN = 30;

    @Inject
    private MemberService members;

    @Inject
    private NoticeOutbox outbox;

    @Inject
    private NoticeSettings settings;

    @Inject
    private CurrentCaller caller;

    private Boolean wanted;

    /** Whether the library sends e-mail at all (else the choice is offered with a note). */
    public boolean isMailOn() {
        return settings.enabled();
    }

    /** The logged-in member's choice. */
    public boolean isWanted() {
        if (wanted == null) {
            wanted = members.member(me()).wantsNotices();
        }
        return wanted;
    }

    public void setWanted(boolean wanted) {
        this.wanted = wanted;
    }

    public String save() {
        members.setNotices(me(), wanted != null && wanted);
        Messages.flash(Boolean.TRUE.equals(wanted) ? "The library will e-mail you about due dates and holds ready."
                : "The library will not e-mail you any more. Your loans and holds are on your page as before.");
        return Messages.redirect("account");
    }

    /** The member's notices, newest first (staff only: the service refuses anyone else). */
    public List<NoticeOutbox.Entry> log(long memberId) {
        return outbox.log(memberId, LOG_SHOWN);
    }

    private long me() {
        return caller.requireOwnMemberId("Only a member's own account chooses the member's e-mails.");
    }
}
