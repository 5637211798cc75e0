package org.library.web.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, in one place, the errors every operation can answer — as RFC 9457 problem documents
 * with one shared schema — instead of repeating them on each resource method.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid input: the errors list names each bad field or parameter.",
            "401", "Credentials missing (where a role is needed) or wrong: send HTTP Basic credentials.",
            "403", "Your role may not do this (members: only their own loans and holds; writes: staff).",
            "404", "No such record (or route).",
            "429", "Too many failed logins from your address (or at this user name), or too many logins at once: no "
                    + "password was checked; try again after Retry-After seconds.",
            "500", "A server-side failure; nothing was changed. The detail carries an incident id.",
            "503", "Busy (a transaction aborted by a concurrent one) or the database does not answer; nothing was "
                    + "changed. Try again after Retry-After seconds.");

    private static final Map<String, String> WRITES = Map.of(
            "409", "Refused by a library rule (no copy available, duplicate ISBN, author still has books, ...).",
            "412", "If-Match named a version that is no longer current: reload and apply the change again.",
            "413", "The request body is larger than this server accepts (JSON 64 KiB, CSV 256 MiB by default).",
            "415", "The body must be application/json.",
            "503", "Busy (a transaction aborted by a concurrent one) or the database does not answer: nothing was "
                    + "changed; try again after Retry-After seconds. Type outcome-unknown: the database stopped while "
                    + "the change was being saved, which may or may not have happened: read the record before sending it again.");

    /** The answer of a change of a record without If-Match. */
    private static final String PRECONDITION_REQUIRED = "If-Match is missing: send the record's ETag (GET gives it), "
            + "or * to change it whatever its version.";

    @Override
    public Operation filterOperation(Operation operation) {
        boolean writes = operation.getRequestBody() != null
                || operation.getResponses().hasAPIResponse("201") || operation.getResponses().hasAPIResponse("204");
        if (writes) { // first: where both say something (503), a write's answer is the one that applies
            WRITES.forEach((code, text) -> addProblem(operation, code, text));
        }
        COMMON.forEach((code, text) -> addProblem(operation, code, text));
        return operation;
    }

    /**
     * PUT and DELETE of a record need If-Match: their operations say so ("If-Match required") and
     * answer 428 without it. Every POST takes an Idempotency-Key ({@link IdempotentPosts}).
     */
    @Override
    public org.eclipse.microprofile.openapi.models.PathItem filterPathItem(org.eclipse.microprofile.openapi.models.PathItem item) {
        if (item.getPOST() != null) {
            IdempotentPosts.document(item.getPOST());
            addProblem(item.getPOST(), "422", IdempotentPosts.REUSED_DESCRIPTION);
        }
        for (Operation operation : new Operation[] {item.getPUT(), item.getDELETE()}) {
            if (operation != null && operation.getDescription() != null && operation.getDescription().contains("If-Match required")) {
                addProblem(operation, "428", PRECONDITION_REQUIRED);
            }
        }
        return item;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        Schema error = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING).example("isbn"))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .example("must be a valid ISBN-10 or ISBN-13 (check digit included)"));
        components.addSchema("Problem", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")
                        .example(Problem.TYPE_BASE + "no-copy-available"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING).example("Refused by a library rule"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).example(409))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .example("No copy of \"Emma\" (ISBN 9780141439587) is available: every copy is out."))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(error)));
        components.addSecurityScheme("basic", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("basic")
                .description("A library account (staff: LIBRARIAN, card holders: MEMBER). Use it over TLS only. "
                        + "Reading the catalogue needs no account; everything else does."));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("lib_ and 43 base64url characters")
                .description("An API token of a system, made by staff (POST /tokens), with scopes: catalogue:read, "
                        + "catalogue:write, members:write, circulation, administration. A librarian's login holds every "
                        + "scope; what needs a member's or a librarian's own account takes no token. Use it over TLS only."));
        openAPI.setComponents(components);
        // either authenticated or anonymous: which operations need which role is in their 401/403
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("basic"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement());
    }

    private static void addProblem(Operation operation, String code, String description) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json", problem));
        operation.getResponses().addAPIResponse(code, response);
    }
}
