package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.changes.RecordType;
import org.library.changes.ChangeFeed;
import org.library.accounts.Account;
import org.library.accounts.AccountService;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberFilter;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.RetriedOnLockConflict;
import org.library.platform.Upserted;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.privacy.MemberExports;
import org.library.web.api.Requests.BorrowRequest;
import org.library.web.api.Requests.LoanHistoryChoice;
import org.library.web.api.Requests.MemberInput;
import org.library.web.api.Requests.NewAccount;
import org.library.web.api.Views.AccountView;
import org.library.web.api.Views.HoldView;
import org.library.web.api.Views.LoanView;
import org.library.web.api.Views.MemberView;
import org.library.web.api.Views.RenewalsView;
import org.library.web.security.CurrentCaller;

/**
 * Members; the books each holds now ({@code borrows}, the M:N relation) and their loan history;
 * borrowing ({@code POST …/borrows}) and returning ({@code DELETE …/borrows/{bookId}}).
 */
@Path("members")
@ApplicationScoped
@RetriedOnLockConflict
@Allowed(Roles.MEMBERS_WRITE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members and circulation")
public class MembersResource {

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    AccountService accounts;

    @Context
    UriInfo uri;

    @Inject
    ChangeFeed changes;

    @Inject
    MemberExports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Operation(operationId = "listMembers", summary = "List or search members", description = "Paged; sortable by name, memberNumber, email, joinedOn.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberPage")))
    public Response list(
            @QueryParam("q") @Parameter(description = "part of the name, or the exact member number or e-mail") String q,
            @QueryParam("active") @Parameter(description = "true or false; absent: both",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) String active,
            @BeanParam Paging paging) {
        return Responses.page(members.members(new MemberFilter(q, Paging.flag("active", active)), paging.request(), paging.sort("name")),
                MemberView::of, uri);
    }

    @POST
    @Operation(operationId = "createMember", summary = "Register a member", description = "joinedOn defaults to today, active to true. 409 for a taken number or e-mail.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response create(MemberInput body) {
        Member member = members.create(body == null ? null : body.data());
        return Responses.created(uri, member.getId(), member.getVersion(), MemberView.of(member));
    }

    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    @GET
    @Path("{id}")
    @Operation(operationId = "getMember", summary = "Read a member")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response get(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.MEMBERS_WRITE, id);
        Member member = members.member(id);
        return Responses.versioned(MemberView.of(member), member.getVersion(), request);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceMember", summary = "Replace a member", description = "The whole record: memberNumber (unchanged), name, e-mail, joinedOn, active (false deactivates), each required. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response update(@PathParam("id") long id, MemberInput body) {
        Member member = members.update(id, Responses.requiredVersion(headers), body == null ? null : body.data());
        return Responses.changed(MemberView.of(member), member.getVersion());
    }

    @GET
    @Path("by-number/{memberNumber}")
    @Operation(operationId = "getMemberByNumber", summary = "Read a member by card number", description = "The number in any case (m000123 is M000123). "
            + "Content-Location names the member's canonical URL. 400 when it is no card number, 404 when no member has it.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response getByNumber(@PathParam("memberNumber") @Parameter(example = "M000200") String memberNumber) {
        Member member = members.member(NaturalKeyJson.pathKey("memberNumber", memberNumber, MemberNumber.class));
        return Responses.byKey(uri, MembersResource.class, member.getId(), MemberView.of(member), member.getVersion(), request);
    }

    @PUT
    @Path("by-number/{memberNumber}")
    @Operation(operationId = "putMemberByNumber", summary = "Create or replace a member by card number", description = "For sync jobs, which know the card "
            + "number, not the id. The whole record, as PUT /members/{id} takes it; memberNumber in the body may be left "
            + "out, and must be the number in the URL if given (else 400). 201 with the Location of the member's "
            + "canonical URL when created, 200 when replaced. If-Match is optional: given, the member must exist at that "
            + "version (412 otherwise); If-None-Match: * creates only (412 when the member exists).")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response putByNumber(@PathParam("memberNumber") @Parameter(example = "M000200") String memberNumber, MemberInput body) {
        Upserted<Member> put = members.put(NaturalKeyJson.pathKey("memberNumber", memberNumber, MemberNumber.class),
                Responses.precondition(headers), body == null ? null : body.data());
        Member member = put.record();
        return Responses.upserted(uri, MembersResource.class, member.getId(), member.getVersion(), MemberView.of(member), put.created());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "deleteMember", summary = "Delete a member and their loan history", description = "409 while they hold books or have holds. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") long id) {
        members.delete(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Produces(Responses.NO_BODY)
    @Path("{id}/erasure")
    @Operation(operationId = "eraseMember", summary = "Erase a member (the right to erasure)", description = "The member record, their login "
            + "account and closed holds go; their loans stay, anonymised (book and dates, no member), so that the books' history and "
            + "the library's counts keep them. Logged as the member's deletion. 409 while they hold books or have holds waiting or "
            + "ready. If-Match required: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("id") long id) {
        members.erase(id, Responses.requiredVersion(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/export")
    @Operation(operationId = "exportMember", summary = "Export a member's data (the right of access)", description = "Everything the "
            + "library keeps about the member, as one JSON document to hand to them: the record, the login account (never its "
            + "password hash), every loan still naming them, every hold, whether they have a calendar link (never the link). Sent as an attachment.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberExport")))
    public Response export(@PathParam("id") long id) {
        MemberExport export = MemberExport.of(exports.export(id), LocalDate.now(clock));
        return Response.ok(export).header("Content-Disposition",
                "attachment; filename=\"member-" + export.member().memberNumber() + ".json\"").build();
    }

    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    @PUT
    @Path("{id}/loan-history")
    @Operation(operationId = "setKeepLoanHistory", summary = "Keep or forget my returned loans", description = "keep: true keeps the "
            + "member's returned loans named after the library's anonymisation period (library.privacy.loan-history-months); "
            + "false lets them be anonymised. The member themselves, or staff.")
    @APIResponse(responseCode = "200", description = "The member with their choice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MemberView")))
    public Response keepLoanHistory(@PathParam("id") long id, LoanHistoryChoice body) {
        caller.requireSelfOr(Roles.MEMBERS_WRITE, id);
        if (body == null || body.keep() == null) {
            throw new InvalidInputException(List.of(new FieldViolation("keep", "is required")));
        }
        Member member = members.keepLoanHistory(id, body.keep());
        return Response.ok(MemberView.of(member)).tag(Responses.etag(member.getVersion())).build();
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @GET
    @Path("{id}/borrows")
    @Operation(operationId = "listBorrows", summary = "The books the member holds now", description = "The member's side of the borrows relation.")
    public List<Views.BookRef> borrows(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return members.borrowedBooks(id).stream().map(Views.BookRef::of).toList();
    }

    @Allowed(Roles.CIRCULATION)
    @POST
    @Path("{id}/borrows")
    @Operation(operationId = "borrow", summary = "Borrow a book", description = "201 with the Location of the new loan; 409 when no copy is available, the member already holds it or is inactive.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoanView")))
    public Response borrow(@PathParam("id") long id, BorrowRequest body) {
        if (body == null || body.bookId() == null) {
            throw new InvalidInputException(List.of(new FieldViolation("bookId", "is required")));
        }
        Loan loan = circulation.borrow(id, body.bookId());
        return Response.created(uri.getBaseUriBuilder().path(LoansResource.class).path(String.valueOf(loan.getId())).build())
                .entity(LoanView.of(loan, LocalDate.now(clock))).build();
    }

    @Allowed(Roles.CIRCULATION)
    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}/borrows/{bookId}")
    @Operation(operationId = "giveBack", summary = "Return a book", description = "Closes the loan; 409 when the member does not hold the book.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response giveBack(@PathParam("id") long id, @PathParam("bookId") long bookId) {
        circulation.giveBack(id, bookId);
        return Response.noContent().build();
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @POST
    @Path("{id}/borrows/{bookId}/renewals")
    @APIResponse(responseCode = "200", description = "Renewed: the loan with its new due date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoanView")))
    @Operation(operationId = "renew", summary = "Renew a loan", description = "Extends the due date by one loan period; 409 when renewed the most times allowed, overdue past the grace period, or reserved by another member.")
    public LoanView renew(@PathParam("id") long id, @PathParam("bookId") long bookId) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return LoanView.of(circulation.renew(id, bookId), LocalDate.now(clock));
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @POST
    @Path("{id}/renewals")
    @APIResponse(responseCode = "200", description = "Each open loan of the member, renewed or not and why not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RenewalsView")))
    @Operation(operationId = "renewAll", summary = "Renew all the member's loans", description = "Renews every open loan the rules allow, "
            + "each by the rules of renewing one; a loan that may not be renewed (renewed the most times allowed, overdue past "
            + "the grace period, reserved by another member) is answered with its reason and renews none the less the others. "
            + "200 also when some or all were refused; no body needed.")
    public RenewalsView renewAll(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return RenewalsView.of(circulation.renewAll(id));
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @GET
    @Path("{id}/holds")
    @Operation(operationId = "listHolds", summary = "The member's holds", description = "Newest first, in every state.")
    public List<HoldView> holds(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return queries.holds(id).stream().map(HoldView::of).toList();
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @POST
    @Path("{id}/holds")
    @APIResponse(responseCode = "201", description = "Placed at the end of the book's queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HoldView")))
    @Operation(operationId = "placeHold", summary = "Place a hold", description = "Only when no copy is on the shelf; 409 otherwise, or when the member holds or has reserved the book already. "
            + "queuePosition in the answer is the member's place in the book's queue, 1 = next in line.")
    public Response placeHold(@PathParam("id") long id, BorrowRequest body) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        if (body == null || body.bookId() == null) {
            throw new InvalidInputException(List.of(new FieldViolation("bookId", "is required")));
        }
        Hold hold = circulation.placeHold(id, body.bookId());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(hold.getId())).build())
                .entity(HoldView.of(hold)).build();
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}/holds/{holdId}")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @Operation(operationId = "cancelHold", summary = "Cancel a hold", description = "A copy set aside for it passes to the next in line; 409 when the hold is closed already.")
    public Response cancelHold(@PathParam("id") long id, @PathParam("holdId") long holdId) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        circulation.cancelHold(id, holdId);
        return Response.noContent().build();
    }

    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
    @GET
    @Path("{id}/loans")
    @Operation(operationId = "listMemberLoans", summary = "The member's loan history", description = "Every loan, newest first, open and returned.")
    public List<LoanView> loans(@PathParam("id") long id) {
        caller.requireSelfOr(Roles.CIRCULATION, id);
        return queries.history(id).stream().map(l -> LoanView.of(l, LocalDate.now(clock))).toList();
    }

    @Allowed(Roles.ADMINISTRATION)
    @POST
    @Path("{id}/account")
    @Operation(operationId = "openMemberAccount", summary = "Open the member's login account", description = "With the MEMBER role: they may then see their "
            + "own loans and holds and place or cancel holds. 409 when the user name is taken or they have an account.")
    @APIResponse(responseCode = "201", description = "Created; Location names the account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
    public Response openAccount(@PathParam("id") long id, NewAccount body) {
        Account account = accounts.openForMember(id, body == null ? null : body.data());
        return Response.created(uri.getBaseUriBuilder().path(AccountsResource.class).path(account.getUsername()).build())
                .entity(AccountView.of(account, 0)).build();
    }

    @Allowed(Roles.MEMBERS_WRITE)
    @GET
    @Path("{id}/history")
    @Operation(operationId = "getMemberHistory", summary = "Read a member's history", description = Histories.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HistoryPage")))
    public Response history(@PathParam("id") long id, @BeanParam Paging paging) {
        return Histories.page(changes, RecordType.MEMBER, id, paging, uri, () -> members.member(id));
    }
}
