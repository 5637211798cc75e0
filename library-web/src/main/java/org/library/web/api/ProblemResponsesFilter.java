package org.library.web.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.library.platform.access.Roles;
import org.library.platform.idempotency.IdempotencyKey;
import org.library.platform.idempotency.IdempotencyKeys;

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

    private static final java.util.Set<String> FRAMING = java.util.Set.of("content-length", "content-type");

    /** How an operation's description says it needs If-Match ("If-Match required", "If-Match (…) is required"). */
    private static final java.util.regex.Pattern IF_MATCH_REQUIRED = java.util.regex.Pattern.compile("If-Match[^.:]*required");

    /** The answer of a change of a record without If-Match. */
    private static final String PRECONDITION_REQUIRED = "If-Match is missing: send the record's ETag (GET gives it), "
            + "or * to change it whatever its version.";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getParameters() != null) {
            // the upload's framing, which the resources read to report progress and refuse other charsets: not
            // parameters a client chooses (a generated client would ask for them and send them twice)
            operation.setParameters(operation.getParameters().stream()
                    .filter(parameter -> parameter.getIn() != Parameter.In.HEADER
                            || !FRAMING.contains(parameter.getName().toLowerCase(java.util.Locale.ROOT)))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
            // a path parameter is always required (OpenAPI), whatever @Parameter's default made of it
            operation.getParameters().stream().filter(parameter -> parameter.getIn() == Parameter.In.PATH)
                    .forEach(parameter -> parameter.setRequired(true));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setRequired(true); // no operation of the API takes an empty body
        }
        boolean writes = operation.getRequestBody() != null
                || operation.getResponses().hasAPIResponse("201") || operation.getResponses().hasAPIResponse("204");
        if (writes) { // first: where both say something (503), a write's answer is the one that applies
            WRITES.forEach((code, text) -> addProblem(operation, code, text));
        }
        COMMON.forEach((code, text) -> addProblem(operation, code, text));
        return operation;
    }

    /**
     * Payara copies the defaults of {@code @Schema}'s attributes into the document as if they had
     * been written ({@code maxProperties: 0} among them, which would allow only empty objects); a
     * client generator takes them at their word. Written defaults are dropped; real limits stay.
     * And a long is an integer.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() == Schema.SchemaType.NUMBER && schema.getFormat() == null) {
            // Payara writes Java's long (ids, versions, counts) as a number, which clients read as a decimal;
            // the API has no fractional number anywhere
            schema.setType(Schema.SchemaType.INTEGER);
            schema.setFormat("int64");
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    /**
     * PUT and DELETE of a record need If-Match: their operations say so ("If-Match required") and
     * answer 428 without it. Every POST takes an Idempotency-Key ({@link IdempotentPosts}).
     */
    @Override
    public org.eclipse.microprofile.openapi.models.PathItem filterPathItem(org.eclipse.microprofile.openapi.models.PathItem item) {
        if (item.getPOST() != null) {
            idempotencyKey(item.getPOST());
            addProblem(item.getPOST(), "422", IdempotentPosts.REUSED_DESCRIPTION);
        }
        for (Operation operation : new Operation[] {item.getPUT(), item.getDELETE()}) {
            if (operation != null && operation.getDescription() != null && IF_MATCH_REQUIRED.matcher(operation.getDescription()).find()) {
                addProblem(operation, "428", PRECONDITION_REQUIRED);
                // read by the resource from the request's headers, so no annotation declares it: said here, once
                operation.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(true)
                        .description("The ETag of the version the change is based on (GET gives it), or * for any version")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)).example("\"3\""));
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
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ProblemResponsesFilter::tidyProperties);
        }
        relativeServers(openAPI);
        if (openAPI.getTags() != null) {
            // a tag shared by several resources (Members and circulation) is listed by each: once is the rule
            Map<String, org.eclipse.microprofile.openapi.models.tags.Tag> byName = new java.util.TreeMap<>();
            openAPI.getTags().forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new java.util.ArrayList<>(byName.values()));
        }
        // either authenticated or anonymous: which operations need which role is in their 401/403
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("basic"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement());
        operationSecurity(openAPI);
    }

    /**
     * The server Payara names is the listener this instance was started on ({@code
     * http://localhost:8080/library}), which a client behind a proxy cannot reach, and which differs
     * between instances; its path alone ({@code /library}) is relative to wherever the document was
     * read from, through a proxy or not, and the same on every instance.
     */
    private static void relativeServers(OpenAPI openAPI) {
        if (openAPI.getServers() == null) {
            return;
        }
        for (org.eclipse.microprofile.openapi.models.servers.Server server : openAPI.getServers()) {
            String url = server.getUrl();
            if (url != null && url.contains("://")) {
                String path = java.net.URI.create(url).getRawPath();
                server.setUrl(path == null || path.isEmpty() ? "/" : path);
                server.setDescription("This server, by the path of the application");
            }
        }
    }

    /**
     * What Payara makes of annotated record components, set right once the model is complete: an
     * annotated {@code Instant} comes out as an object with the format date-time, and an array's
     * enumeration stays on the array (MicroProfile OpenAPI has no annotation for an array's items).
     */
    private static void tidyProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getType() == Schema.SchemaType.OBJECT
                    && ("date-time".equals(property.getFormat()) || "date".equals(property.getFormat()))) {
                property.setType(Schema.SchemaType.STRING);
            }
            if (property.getType() == Schema.SchemaType.ARRAY && property.getEnumeration() != null && property.getItems() != null) {
                property.getItems().setEnumeration(property.getEnumeration());
                property.setEnumeration(null);
            }
            tidyProperties(property);
        }
    }

    /** Each operation's own requirements, from the rule that holds for it (OperationAccess). */
    private static void operationSecurity(OpenAPI openAPI) {
        Map<String, String[]> rules = OperationAccess.byOperationId();
        if (rules.isEmpty() || openAPI.getPaths() == null) {
            return;
        }
        for (org.eclipse.microprofile.openapi.models.PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                String[] roles = rules.get(operation.getOperationId());
                if (roles != null) {
                    operation.setSecurity(new java.util.ArrayList<>(requirements(roles)));
                    if (!OperationAccess.scopes(roles).isEmpty()) {
                        operation.addExtension("x-scopes", OperationAccess.scopes(roles));
                    }
                }
            }
        }
    }

    /**
     * The {@link IdempotentPosts} header on a POST. Here, not in that provider: a JAX-RS provider that
     * names MicroProfile OpenAPI's model types cannot be loaded on a server without them (GlassFish).
     */
    private static void idempotencyKey(Operation post) {
        boolean declared = post.getParameters() != null
                && post.getParameters().stream().anyMatch(p -> IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()));
        if (declared) {
            return;
        }
        post.addParameter(OASFactory.createParameter()
                .name(IdempotencyKey.HEADER).in(Parameter.In.HEADER)
                .required(false)
                .description("Makes the POST safe to retry: sent again with the same key and the same body, within "
                        + "at least 24 hours, the request is not run again and the first answer comes back (status, "
                        + "Location, body) with the header " + IdempotentPosts.REPLAYED + ": true, through any instance. A retry while the "
                        + "first is running waits for its answer (" + IdempotencyKeys.WAIT.toSeconds() + " s at most, 409 "
                        + "after); the same key with another body or endpoint is a 422. Keys are your own: another "
                        + "caller's keys never meet yours. 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII "
                        + "characters, bare or as a quoted string; a new UUID per request is a good key.")
                .schema(OASFactory.createSchema()
                        .type(Schema.SchemaType.STRING)
                        .maxLength(IdempotencyKey.MAX_LENGTH))
                .example("4f1c2a8e-7d3b-4c1a-9e55-0b6f2d1e8a90"));
    }

    /** The security requirements of an operation with these roles: any one of them will do. */
    private static java.util.List<SecurityRequirement> requirements(String[] roles) {
        java.util.List<String> allowed = java.util.Arrays.asList(roles);
        if (allowed.contains(Roles.ANYONE)) {
            return java.util.List.of(scheme("basic"), scheme("bearer"), OASFactory.createSecurityRequirement());
        }
        return OperationAccess.scopes(roles).isEmpty() ? java.util.List.of(scheme("basic")) : java.util.List.of(scheme("basic"), scheme("bearer"));
    }

    private static SecurityRequirement scheme(String name) {
        return OASFactory.createSecurityRequirement().addScheme(name);
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
