package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.circulation.CirculationQueries;
import org.library.circulation.Loan;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.web.api.Views.LoanView;

/** The loan ledger: every borrowing with its dates. */
@Path("loans")
@ApplicationScoped
@Allowed(Roles.CIRCULATION)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members and circulation")
public class LoansResource {

    @Inject
    CirculationQueries queries;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listLoans", summary = "List loans", description = "Paged; sortable by borrowedAt, dueOn, returnedAt; overdue=true lists open loans past their due date.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoanPage")))
    public Response list(@QueryParam("overdue") @Parameter(description = "true: only overdue loans",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) String overdue,
                         @BeanParam Paging paging) {
        boolean overdueOnly = Boolean.TRUE.equals(Paging.flag("overdue", overdue));
        return Responses.page(queries.loans(overdueOnly, paging.request(), paging.sort(overdueOnly ? "dueOn" : "borrowedAt")),
                l -> LoanView.of(l, LocalDate.now(clock)), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLoan", summary = "Read a loan")
    public LoanView get(@PathParam("id") long id) {
        Loan loan = queries.loan(id);
        return LoanView.of(loan, LocalDate.now(clock));
    }
}
