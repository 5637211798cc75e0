package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.transfer.CsvExports;

/**
 * The catalogue, the members and the loan ledger as CSV files, streamed: the rows are read from the
 * database a chunk at a time while the response is being sent, never all at once. The books and
 * members files can be imported again as they are.
 */
@Path("exports")
@ApplicationScoped
@Allowed(Roles.STAFF)
@Tag(name = "Import and export")
public class ExportsResource {

    static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    @Inject
    CsvExports exports;

    private interface Export {
        void write(OutputStream out) throws IOException;
    }

    @Allowed(Roles.CATALOGUE_READ)
    @GET
    @Path("books.csv")
    @Produces(CSV_UTF8)
    @Operation(operationId = "exportBooks", summary = "The catalogue as CSV", description = "isbn,title,publication_year,copies,author,"
            + "author_birth_year,author_death_year; the format POST /imports/books reads.")
    public Response books() {
        return attachment("books.csv", exports::books);
    }

    @Allowed(Roles.MEMBERS_WRITE)
    @GET
    @Path("members.csv")
    @Produces(CSV_UTF8)
    @Operation(operationId = "exportMembers", summary = "The members as CSV", description = "member_number,name,email,joined_on,active; the format "
            + "POST /imports/members reads.")
    public Response members() {
        return attachment("members.csv", exports::members);
    }

    @Allowed(Roles.CIRCULATION)
    @GET
    @Path("loans.csv")
    @Produces(CSV_UTF8)
    @Operation(operationId = "exportLoans", summary = "The loan ledger as CSV", description = "member_number,isbn,title,borrowed_at,due_on,returned_at,"
            + "renewals; every loan, open and returned, oldest first.")
    public Response loans() {
        return attachment("loans.csv", exports::loans);
    }

    private static Response attachment(String name, Export export) {
        StreamingOutput body = export::write;
        return Response.ok(body, CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"library-" + name + "\"")
                .build();
    }
}
