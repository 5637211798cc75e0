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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
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
import org.library.transfer.ImportJobs;
import org.library.transfer.ImportKind;

/**
 * CSV imports of books (with their authors) and of members, asynchronous: the body is received
 * whole into a file of its own (streamed, never held in memory), its header checked, and the
 * answer is {@code 202 Accepted} with the {@code Location} of the import, which runs in the
 * background, written in batches. {@code GET /imports/{id}} shows its state, counts and refused
 * rows from the database, on every instance; one import of a kind runs at a time (409 naming the
 * running one).
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
                    + "their line and reason; the good rows are kept. 202 at once, the import running in the background: poll its "
                    + "Location. 400 when the header is unusable; a file that breaks off later ends the import FAILED, the "
                    + "rows before the break imported.")
    @RequestBody(content = @Content(mediaType = CSV, example = "isbn,title,publication_year,copies,author,author_birth_year\n"
            + "9780141439518,Pride and Prejudice,1813,5,Jane Austen,1775\n"))
    @APIResponse(responseCode = "202", description = "Accepted: the import runs; Location names it, to poll until its status is DONE or FAILED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportView")))
    @APIResponse(responseCode = "409", description = "An import of books runs already; the problem's detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(ref = "Problem")))
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
    @APIResponse(responseCode = "202", description = "Accepted: the import runs; Location names it, to poll until its status is DONE or FAILED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportView")))
    @APIResponse(responseCode = "409", description = "An import of members runs already; the problem's detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE_NAME, schema = @Schema(ref = "Problem")))
    public Response members(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return run(ImportKind.MEMBERS, csv, length, type);
    }

    @Allowed({Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE})
    @GET
    @Operation(operationId = "listImports", summary = "Running and recent imports", description = "The 50 newest first, with their progress; "
            + "without their refused rows (read one import for them).")
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
        return ImportView.of(jobs.report(id));
    }

    private Response run(ImportKind kind, InputStream csv, Long length, MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new InvalidInputException(List.of(new FieldViolation("file",
                    "must be UTF-8, not " + charset + "; save it as CSV UTF-8 and import it again")));
        }
        // received whole before the answer, so that the request can end while the import runs;
        // the body's limit (RequestBodies) bounds the file
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("library-import-", ".csv");
            Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
            String id = importer.submit(kind, file);
            file = null; // the import's now: it deletes it when it ends
            return Response.accepted(ImportView.of(jobs.report(id)))
                    .location(uri.getBaseUriBuilder().path(ImportsResource.class).path(id).build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    java.util.logging.Logger.getLogger(ImportsResource.class.getName()).warning("Could not delete " + file + ": " + e);
                }
            }
        }
    }
}
