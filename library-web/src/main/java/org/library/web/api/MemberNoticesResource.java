package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.members.MemberService;
import org.library.notices.NoticeOutbox;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.RetriedOnLockConflict;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.security.CurrentCaller;

/**
 * A member's e-mail notices: the log of what the library sent them (and what failed), and their
 * choice whether to get the notices at all. The member themself, or staff (a token with
 * {@code members:write}; the log also with {@code circulation}).
 */
@Path("members/{id}/notices")
@ApplicationScoped
@RetriedOnLockConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members and circulation")
public class MemberNoticesResource {

    /** The most notices one answer lists: the newest. */
    static final int LOG_LIMIT = 100;

    @Inject
    NoticeOutbox outbox;

    @Inject
    MemberService members;

    @Inject
    CurrentCaller caller;

    /** A notice as the log shows it; {@code lastError} is the mail server's last refusal, if any. */
    public record NoticeView(long id, @Schema(enumeration = {"DIGEST", "HOLD_READY"}) String kind, String subject,
                             @Schema(enumeration = {"PENDING", "SENT", "FAILED"}) String state, int attempts, String lastError,
                             Instant createdAt, Instant finishedAt) {
        static NoticeView of(NoticeOutbox.Entry e) {
            return new NoticeView(e.id(), e.kind(), e.subject(), e.state(), e.attempts(), e.lastError(), e.createdAt(), e.finishedAt());
        }
    }

    /** Whether the member gets the library's e-mails. */
    public record NoticePreference(@Schema(required = true, example = "false") Boolean wanted) {
    }

    @GET
    @Allowed({Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.CARD_HOLDER})
    @Operation(operationId = "listMemberNotices", summary = "The member's e-mail notices",
            description = "Newest first, at most " + LOG_LIMIT + ": daily digests and \"hold ready\" messages, sent, waiting "
                    + "(retried after a failure, with the error) or failed for good.")
    public List<NoticeView> log(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        members.member(id); // 404 for a member that does not exist
        return outbox.log(id, LOG_LIMIT).stream().map(NoticeView::of).toList();
    }

    @GET
    @Path("preference")
    @Allowed({Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.CARD_HOLDER})
    @Operation(operationId = "getNoticePreference", summary = "Whether the member gets e-mail notices")
    public NoticePreference preference(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return new NoticePreference(members.member(id).wantsNotices());
    }

    @PUT
    @Path("preference")
    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    @Operation(operationId = "setNoticePreference", summary = "Switch the member's e-mail notices on or off",
            description = "The member's own choice (or staff at their request); 400 without wanted.")
    public NoticePreference setPreference(@PathParam("id") long id, NoticePreference body) {
        caller.requireSelfOr(Roles.MEMBERS_WRITE, id);
        if (body == null || body.wanted() == null) {
            throw new InvalidInputException(List.of(new FieldViolation("wanted", "is required: true or false")));
        }
        return new NoticePreference(members.setNotices(id, body.wanted()).wantsNotices());
    }
}
