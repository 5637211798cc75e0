package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;
import org.library.transfer.CsvImporter;
import org.library.transfer.ImportJob;
import org.library.transfer.ImportJobs;
import org.library.transfer.ImportKind;

/**
 * CSV imports of books (with their authors) and of members. The body is read as it arrives and
 * written in batches, so a file of any size takes the same memory; the answer is the import's
 * report. While an import runs, {@code GET /imports} and {@code GET /imports/{id}} show how far it
 * got.
 */
@Path("imports")
@ApplicationScoped
@Allowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import and export")
public class ImportsResource {

    static final String CSV = "text/csv";

    @Inject
    CsvImporter importer;

    @Inject
    ImportJobs jobs;

    @Context
    UriInfo uri;

    @Allowed(Roles.CATALOGUE_WRITE)
    @POST
    @Path("books")
    @Consumes(CSV)
    @Operation(operationId = "importBooks", summary = "Import books and their authors from CSV",
            description = "Columns isbn,title,publication_year,copies,author and optionally author_birth_year,author_death_year "
                    + "(RFC 4180, UTF-8, header row, any order). A row with an ISBN already catalogued updates that book; "
                    + "an author is reused by name (and birth year, when given), else created. Bad rows are listed with "
                    + "their line and reason; the good rows are kept. 400 when the file itself is unusable.")
    @RequestBody(content = @Content(mediaType = CSV, example = "isbn,title,publication_year,copies,author,author_birth_year\n"
            + "9780141439518,Pride and Prejudice,1813,5,Jane Austen,1775\n"))
    @APIResponse(responseCode = "200", description = "The import's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportView")))
    public Response books(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return run(ImportKind.BOOKS, csv, length, type);
    }

    @Allowed(Roles.MEMBERS_WRITE)
    @POST
    @Path("members")
    @Consumes(CSV)
    @Operation(operationId = "importMembers", summary = "Import members from CSV",
            description = "Columns member_number,name,email and optionally joined_on (2024-03-31; default today), active "
                    + "(true/false; default true). A row with a member number already taken updates that member; a blank "
                    + "optional value keeps what the member has.")
    @RequestBody(content = @Content(mediaType = CSV, example = "member_number,name,email,joined_on,active\n"
            + "M000200,Grace Hopper,grace.hopper@example.org,2024-03-31,true\n"))
    @APIResponse(responseCode = "200", description = "The import's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportView")))
    public Response members(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return run(ImportKind.MEMBERS, csv, length, type);
    }

    @Allowed({Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE})
    @GET
    @Operation(operationId = "listImports", summary = "Running and recent imports", description = "Newest first, with their progress.")
    public List<ImportView> recent() {
        return jobs.recent().stream().map(ImportView::of).toList();
    }

    @Allowed({Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE})
    @GET
    @Path("{id}")
    @Operation(operationId = "getImport", summary = "An import's progress or report")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportView")))
    public ImportView get(@PathParam("id") String id) {
        return ImportView.of(jobs.job(id).report());
    }

    private Response run(ImportKind kind, InputStream csv, Long length, MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new InvalidInputException(List.of(new FieldViolation("file",
                    "must be UTF-8, not " + charset + "; save it as CSV UTF-8 and import it again")));
        }
        ImportJob job = jobs.start(kind, null, length);
        ImportView report = ImportView.of(importer.run(job, csv));
        return Response.ok(report).contentLocation(uri.getBaseUriBuilder().path("imports").path(job.id()).build()).build();
    }
}
