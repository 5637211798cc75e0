package org.library.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed requests for every operation of the served OpenAPI document, made from what the
 * document says: each path and method, its path and query parameters, its request body's schema
 * (with {@code $ref}s resolved), whether it is a list (a page schema), whether it changes a
 * versioned record (a PUT or DELETE that declares {@code If-Match}, required).
 *
 * <p><b>Every request must leave every row as it was.</b> A hostile value may be valid data (an
 * injection string is a fine book title), so a request carrying one that the API could accept is
 * made invalid in one more way the API must refuse: another required field left out, another
 * field beyond its documented limit, a stale {@code If-Match} (every change of a versioned record
 * carries one), or an id that names no record. Writes without a body and without
 * {@code If-Match} (a renewal, a return, a lock) are only ever sent to ids or names that name no
 * record. Bad credentials use user names that do not exist, each from an address of its own
 * ({@code X-Forwarded-For}, which the test server trusts from the tests' address): the API counts
 * such failures by design, in {@code login_failures} only; the admin's account and the test's
 * own address are never the target of a wrong password.
 */
final class HostileRequests {

    /** Who answers: the application, or the server before any of the application's code runs. */
    enum Reach {
        APPLICATION,
        /**
         * The request target or the header block is refused while the server parses it (an
         * invalid percent-encoding, a NUL, a path that leaves the application, a header block
         * over the server's limit): no filter, mapper or error page of the application runs, so
         * the application cannot answer a problem document. Such answers must still not be 5xx.
         */
        CONTAINER
    }

    /** One request, with what it tries, and the status the contract fixes for it (0: any refusal or a read). */
    record Request(String operation, String kind, String method, String target, List<String[]> headers, byte[] body,
                   Reach reach, int expected, boolean wrongCredentials) {

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 200))
                    .append("  [").append(kind).append(']');
            for (String[] header : headers) {
                text.append("\n      ").append(header[0]).append(": ").append(abbreviate(header[1], 120));
            }
            if (body != null) {
                text.append("\n      body (").append(body.length).append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 200));
            }
            return text.toString();
        }
    }

    /** What the document cannot say: the application's context path, real records to aim at, the admin's credentials. */
    record Fixture(String contextPath, String adminAuthorization, String adminName, Map<String, String> ids) {
    }

    /** An id no record has. */
    static final String ABSENT_ID = "999999999";

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE books; --", "\" OR \"\"=\"", "admin'--", "1 UNION SELECT password_hash FROM accounts",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}", "{{7*7}}", "%s%s%s%n", "../../../../etc/passwd", "a\u0000b", "a\r\nX-Injected: 1",
            "\u202Egnp.exe", "\uFEFF", "\uD83D\uDE00", "=HYPERLINK(\"http://127.0.0.1/\")", "%", "_", "\\", "*");

    /** Ids that name no record, each malformed or out of range in its own way (safe for writes: none can be a real id). */
    static final List<String> BAD_IDS = List.of(
            "0", "-1", "9223372036854775808", "1.5", "+" + ABSENT_ID, ABSENT_ID + " ", digits(ABSENT_ID, '\u0660'), "abc",
            "' OR '1'='1", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/a}", "9".repeat(1000), "");

    /** User names and other text keys that name nothing (safe for writes: none can be an existing account). */
    static final List<String> BAD_NAMES = List.of(
            "no-such-account-%d", "' OR '1'='1", "admin' --", "*", "%", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "x".repeat(3000), "\u202E", "a/b");

    /** Path segments that try to climb out of the resource (the server resolves dot-segments before routing). */
    static final List<String> TRAVERSALS = List.of("%2E%2E", "..%2F..%2Fstatus", "..;", "%2E%2E%2F%2E%2E%2F%2E%2E%2Fopenapi");

    /**
     * The caller's own password, which proves a password change: any text in it is a login attempt
     * of the caller's account, and a wrong one is counted as a failed login by design (of the admin,
     * from the tests' own address). So it is only ever sent absent, null or of a wrong JSON type,
     * never as text.
     */
    static final String OWN_PASSWORD = "currentPassword";

    private final JsonObject doc;
    private final Fixture fixture;
    private final List<Request> out = new ArrayList<>();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    private final int network = ThreadLocalRandom.current().nextInt(256);
    private int strangers;

    private HostileRequests(JsonObject doc, Fixture fixture) {
        this.doc = doc;
        this.fixture = fixture;
    }

    static List<Request> from(JsonObject openApi, Fixture fixture) {
        return new HostileRequests(openApi, fixture).all();
    }

    /** The operations of the document, as "METHOD /path". */
    static List<String> operations(JsonObject openApi) {
        List<String> names = new ArrayList<>();
        openApi.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HostileRequests::isMethod).forEach(method -> names.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return names;
    }

    private List<Request> all() {
        doc.getJsonObject("paths").forEach((path, value) -> {
            JsonObject item = value.asJsonObject();
            for (String method : item.keySet()) {
                if (isMethod(method)) {
                    Operation op = new Operation(method.toUpperCase(Locale.ROOT), path, item.getJsonObject(method), item);
                    credentials(op);
                    pathValues(op);
                    queries(op);
                    headers(op);
                    bodies(op);
                }
            }
            methods(path, item);
        });
        beforeTheApplication();
        return out;
    }

    private static boolean isMethod(String key) {
        return List.of("get", "put", "post", "delete", "patch").contains(key);
    }

    // ---------------------------------------------------------------- the document

    private record Operation(String method, String path, JsonObject spec, JsonObject item) {

        String name() {
            return method + " " + path;
        }

        boolean reads() {
            return method.equals("GET");
        }

        /**
         * A change of a record that has an ETag: the contract declares If-Match, required. Not a
         * write by natural key ({@code PUT …/by-isbn/{isbn}}), where If-Match is optional (a sync
         * job creates or replaces unconditionally), nor the revocation of a token (at once, whatever
         * its version); such writes are aimed at keys or ids that name nothing, so they are refused.
         */
        boolean versioned() {
            return (method.equals("PUT") || method.equals("DELETE")) && declaresIfMatch(spec);
        }

        /** A record's read, which answers an ETag and honours conditions on it: its change is versioned. */
        boolean readsVersionedRecord() {
            return reads() && (declaresIfMatch(item.getJsonObject("put")) || declaresIfMatch(item.getJsonObject("delete")));
        }

        private static boolean declaresIfMatch(JsonObject operation) {
            return operation != null && operation.containsKey("parameters")
                    && operation.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                            .anyMatch(p -> "header".equals(p.getString("in")) && "If-Match".equals(p.getString("name"))
                                    && p.getBoolean("required", false));
        }

        List<JsonObject> parameters(String in) {
            if (!spec.containsKey("parameters")) {
                return List.of();
            }
            return spec.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .filter(p -> in.equals(p.getString("in"))).toList();
        }

        Optional<String> mediaType() {
            JsonObject body = spec.getJsonObject("requestBody");
            return body == null || !body.containsKey("content") ? Optional.empty()
                    : body.getJsonObject("content").keySet().stream().findFirst();
        }

        /** The media types of its successful answers. */
        List<String> produces() {
            List<String> types = new ArrayList<>();
            spec.getJsonObject("responses").forEach((code, response) -> {
                if ((code.startsWith("2") || code.equals("default")) && response.asJsonObject().containsKey("content")) {
                    types.addAll(response.asJsonObject().getJsonObject("content").keySet());
                }
            });
            return types;
        }
    }

    private JsonObject resolve(JsonObject schema) {
        while (schema != null && schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            schema = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** A list: its answer is a page (items and hasNext), so it takes page, size, sort and total. */
    private boolean paged(Operation op) {
        JsonObject ok = op.spec.getJsonObject("responses").getJsonObject("200");
        if (ok == null || !ok.containsKey("content")) {
            return false;
        }
        return ok.getJsonObject("content").values().stream()
                .map(media -> resolve(media.asJsonObject().getJsonObject("schema")))
                .anyMatch(schema -> schema != null && schema.containsKey("properties")
                        && schema.getJsonObject("properties").containsKey("items")
                        && schema.getJsonObject("properties").containsKey("hasNext"));
    }

    private static boolean numeric(JsonObject parameter) {
        JsonObject schema = parameter.getJsonObject("schema");
        String type = schema == null ? "string" : schema.getString("type", "string");
        return type.equals("integer") || type.equals("number");
    }

    private record Field(String name, JsonObject schema, boolean required) {

        String type() {
            return schema.containsKey("properties") ? "record" : schema.getString("type", "string");
        }

        Optional<String> example() {
            JsonValue example = schema.get("example");
            return example == null ? Optional.empty()
                    : Optional.of(example instanceof JsonString text ? text.getString() : example.toString());
        }

        boolean dateLike() {
            return example().filter(e -> e.matches("\\d{4}-\\d{2}-\\d{2}")).isPresent();
        }

        OptionalInt maxLength() {
            return schema.containsKey("maxLength") && schema.getInt("maxLength") > 0
                    ? OptionalInt.of(schema.getInt("maxLength")) : OptionalInt.empty();
        }

        /** A value of the right JSON type that the documented limits refuse (a length, a range, a pattern), if there is one. */
        Optional<String> beyondLimits() {
            if (maxLength().isPresent()) {
                return Optional.of(quote("x".repeat(maxLength().getAsInt() + 1)));
            }
            if (schema.containsKey("pattern")) {
                return Optional.of(quote("!"));
            }
            if (schema.containsKey("maximum")) {
                return Optional.of(schema.getJsonNumber("maximum").bigIntegerValue().add(java.math.BigInteger.ONE).toString());
            }
            if (schema.containsKey("minimum")) {
                return Optional.of(schema.getJsonNumber("minimum").bigIntegerValue().subtract(java.math.BigInteger.ONE).toString());
            }
            return Optional.empty();
        }
    }

    private List<Field> fields(JsonObject schema) {
        JsonObject resolved = resolve(schema);
        List<String> required = resolved.containsKey("required")
                ? resolved.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        List<Field> fields = new ArrayList<>();
        if (resolved.containsKey("properties")) {
            resolved.getJsonObject("properties").forEach((name, property) ->
                    fields.add(new Field(name, resolve(property.asJsonObject()), required.contains(name))));
        }
        return fields;
    }

    /** A body as the document's examples make it (each value as JSON text), nested records too. */
    private Map<String, String> example(JsonObject schema) {
        Map<String, String> body = new LinkedHashMap<>();
        for (Field field : fields(schema)) {
            body.put(field.name(), example(field));
        }
        return body;
    }

    private String example(Field field) {
        if (field.name().equals(OWN_PASSWORD)) {
            return "null";
        }
        String example = field.example().orElse(null);
        return switch (field.type()) {
            case "record" -> json(example(field.schema()));
            case "integer", "number" -> example != null && example.matches("-?\\d+") ? example : "1";
            case "boolean" -> "false".equals(example) ? "false" : "true";
            // an array's example is the array's JSON (MicroProfile OpenAPI writes it as text)
            case "array" -> example != null && example.strip().startsWith("[") ? example : "[" + quote("Hostile Input") + "]";
            default -> quote(example != null ? example
                    : field.name().toLowerCase(Locale.ROOT).contains("email") ? "hostile.input@example.org" : "Hostile Input");
        };
    }

    // ---------------------------------------------------------------- groups of requests

    /** The operation as a client would send it, with each kind of bad credentials. */
    private void credentials(Operation op) {
        String target = target(op, Map.of(), null, true);
        List<String[]> base = new ArrayList<>(contentHeaders(op));
        byte[] body = exampleBody(op);
        String stranger = "no-such-user-" + run + "-" + out.size();
        add(op, "credentials: none", op.method, target, base, body, 0, false);
        add(op, "credentials: a wrong password for a user name that does not exist", op.method, target,
                with(base, authorization(stranger + ":not the password"), forwardedFor()), body, 401, true);
        add(op, "credentials: Basic that is not base64", op.method, target,
                with(base, new String[] {"Authorization", "Basic !!!not base64!!!"}, forwardedFor()), body, 401, true);
        add(op, "credentials: a Bearer token", op.method, target,
                with(base, new String[] {"Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."}, forwardedFor()),
                body, 0, false);
    }

    /** Every path parameter in turn replaced by ids and names that are malformed, absent, hostile or climb out. */
    private void pathValues(Operation op) {
        List<JsonObject> parameters = op.parameters("path");
        for (JsonObject parameter : parameters) {
            String name = parameter.getString("name");
            List<String> values = new ArrayList<>(numeric(parameter) ? BAD_IDS : BAD_NAMES);
            for (String value : values) {
                String v = value.replace("%d", run);
                request(op, "path " + name + ": " + abbreviate(v, 40), target(op, Map.of(name, encode(v)), null, true), 0);
            }
            if (op.reads()) {
                // another spelling of a real record's key: never the record (a cache or a log keyed by the path would be fooled)
                String real = real(op, name, true);
                List<String> aliases = numeric(parameter)
                        ? List.of("+" + real, digits(real, '\u0660'), digits(real, '\uFF10'), real + " ")
                        : List.of(real.toUpperCase(Locale.ROOT) + " ", "\u0430" + real.substring(1), real + "\u200B");
                for (String alias : aliases) {
                    request(op, "path " + name + ": another spelling of a real key: " + alias,
                            target(op, Map.of(name, encode(alias)), null, true), numeric(parameter) ? 404 : 0);
                }
            }
        }
        if (!parameters.isEmpty()) {
            String first = parameters.get(0).getString("name");
            for (String climb : TRAVERSALS) {
                boolean leaves = climb.equals(TRAVERSALS.get(TRAVERSALS.size() - 1));
                addRequest(op, "path " + first + ": climbs out: " + climb, target(op, Map.of(first, climb), null, true),
                        leaves ? Reach.CONTAINER : Reach.APPLICATION, 0);
            }
        }
    }

    /** The documented query parameters with hostile values; for lists, paging beyond its bounds. */
    private void queries(Operation op) {
        if (!op.reads()) {
            return;
        }
        for (JsonObject parameter : op.parameters("query")) {
            String name = parameter.getString("name");
            String type = parameter.containsKey("schema") ? parameter.getJsonObject("schema").getString("type", "string") : "string";
            List<String> values = new ArrayList<>();
            if (type.equals("boolean")) {
                values.addAll(List.of("maybe", "", "1", "yes", "null", "TRUE ", "\u0000"));
            } else if (name.endsWith("Id")) {
                values.addAll(List.of("abc", "-1", "1.5", digits("12", '\u0660'), "99999999999999999999", "' OR '1'='1", "1,2"));
            } else {
                values.addAll(rotate(INJECTIONS, op.name(), 12));
                values.addAll(List.of("   ", "a*", "***", "978-0-14-143951-8' --", "\uD83D\uDE00".repeat(50)));
            }
            for (String value : values) {
                request(op, "query " + name + ": " + abbreviate(value, 40), target(op, Map.of(), name + "=" + encode(value), true), 0);
            }
            if (type.equals("string") && !name.endsWith("Id")) {
                request(op, "query " + name + ": 201 characters", target(op, Map.of(), name + "=" + "x".repeat(201), true), 400);
                // at most ten for the catalogue search, which reads a word index; other searches take any number
                request(op, "query " + name + ": eleven words", target(op, Map.of(), name + "="
                        + IntStream.range(0, 11).mapToObj(i -> "w" + i).collect(Collectors.joining("+")), true), 0);
                for (String raw : List.of("%zz", "%", "%C0%AE", "%ED%A0%80", "%FF%FE", "a%00b")) {
                    request(op, "query " + name + ": bad percent-encoding " + raw, target(op, Map.of(), name + "=" + raw, true), 0);
                }
            }
        }
        if (paged(op)) {
            Map<String, List<String>> refused = new LinkedHashMap<>();
            refused.put("page", List.of("-1", "abc", "1.5", digits("1", '\u0661'), "99999999999999999999", "501", "1e3", "0x1"));
            refused.put("size", List.of("0", "-1", "101", "1000", "abc", digits("5", '\u0660')));
            refused.put("sort", List.of("nosuch", "title;DROP TABLE books", "(SELECT 1)", "' OR '1'='1"));
            refused.put("total", List.of("maybe", "yes", "2"));
            refused.forEach((name, values) -> values.forEach(value -> request(op, "paging " + name + ": " + value,
                    target(op, Map.of(), name + "=" + encode(value), true), 400)));
            for (String query : List.of("page=0&page=abc", "sort=-", "sort=,", "sort=title,sideways", "sort=" + "x".repeat(3000),
                    "size=100&page=100&total=true", "page=&size=&sort=&total=")) {
                request(op, "paging: " + abbreviate(query, 40), target(op, Map.of(), query, true), 0);
            }
        }
    }

    /** Headers a client may get wrong: what it accepts, what it sends, which version it changes. */
    private void headers(Operation op) {
        String target = target(op, Map.of(), null, true);
        byte[] body = refusedBody(op);
        boolean json = op.mediaType().filter(t -> t.equals("application/json")).isPresent();
        int notAcceptable = op.produces().isEmpty() || op.produces().contains("text/html") ? 0 : 406;
        header(op, target, body, "Accept", "text/html", notAcceptable);
        header(op, target, body, "Accept", "garbage/", 400);
        header(op, target, body, "Accept", "application/json;q=abc", 400);
        header(op, target, body, "X-Forwarded-For", "' OR '1'='1, ${jndi:ldap://127.0.0.1:1/a}, " + "x".repeat(2000), 0);
        if (json) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
                header(op, target, body, "Content-Type", type, 415);
            }
            for (String type : List.of("garbage", "application/json, text/plain", "application/json; charset=UTF-16")) {
                header(op, target, body, "Content-Type", type, type.equals("garbage") ? 400 : 0);
            }
            add(op, "header Content-Type: none", op.method, target, withoutContentType(op), body, 0, false);
        }
        if (op.versioned()) {
            // the If-Match of a change: none, malformed, or naming a version that is not the current one
            byte[] example = exampleBody(op);
            List<String[]> base = admin(op);
            base.removeIf(h -> h[0].equals("If-Match"));
            add(op, "If-Match: none", op.method, target, base, example, 428, false);
            for (String etag : List.of("abc", "\"\"", "\"99999999999999999999\"", "\"1\", \"2\"", "\"1\" OR 1=1")) {
                add(op, "If-Match: " + abbreviate(etag, 40), op.method, target, with(base, new String[] {"If-Match", etag}),
                        example, 400, false);
            }
            for (String stale : List.of("W/\"999999\"", "\"-1\"")) {
                add(op, "If-Match: a version that is not current: " + stale, op.method, target,
                        with(base, new String[] {"If-Match", stale}), example, 0, false);
            }
        }
        if (op.readsVersionedRecord()) {
            // a record's read, which answers an ETag and honours conditions on it
            header(op, target, body, "If-None-Match", "garbage", 400);
            header(op, target, body, "If-None-Match", "\"1", 400);
            header(op, target, body, "If-Match", "garbage", 400);
            header(op, target, body, "If-Modified-Since", "yesterday", 0);
        }
    }

    /** Bodies of the wrong shape, and every field of the schema wrong in every way. */
    private void bodies(Operation op) {
        Optional<String> media = op.mediaType();
        if (media.isEmpty()) {
            return;
        }
        if (media.get().startsWith("text/csv")) {
            csv(op, media.get());
            return;
        }
        JsonObject schema = resolve(op.spec.getJsonObject("requestBody").getJsonObject("content").getJsonObject(media.get())
                .getJsonObject("schema"));
        Map<String, String> example = example(schema);
        String refused = json(companion(schema, example, null).orElse(Map.of()));
        String firstField = fields(schema).isEmpty() ? "x" : fields(schema).get(0).name();
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("empty", "");
        shapes.put("null", "null");
        shapes.put("text", "\"text\"");
        shapes.put("cut in half", json(example).substring(0, json(example).length() / 2));
        shapes.put("single quotes", "{'" + firstField + "': 'x'}");
        shapes.put("an unknown field", with(example, "unknownField", "1"));
        shapes.put("__proto__", with(example, "__proto__", "{\"admin\": true}"));
        shapes.put("a field named in upper case", with(example, firstField.toUpperCase(Locale.ROOT), "\"x\""));
        shapes.put("a duplicate field, the last of the wrong type", json(example).replaceFirst("}$", "") + (example.isEmpty() ? "" : ",")
                + "\"" + firstField + "\": [[]]}");
        shapes.put("nested 30,000 deep", "[".repeat(30_000));
        shapes.put("70 KB (over the 64 KiB limit)", "{\"" + firstField + "\": \"" + "x".repeat(70_000) + "\"}");
        shapes.put("a value of 10,000 digits", "{\"" + firstField + "\": 1" + "0".repeat(10_000) + "}");
        shapes.put("trailing garbage after a refused record", refused + "x");
        shapes.put("two refused records", refused + refused);
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            int expected = shape.getKey().startsWith("70 KB") ? 413 : 400;
            shape(op, "body: " + shape.getKey(), shape.getValue().getBytes(StandardCharsets.UTF_8), expected);
        }
        shape(op, "body: invalid UTF-8", new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'}, 400);
        shape(op, "body: NUL bytes", new byte[] {'{', 0, 0, '}'}, 400);
        shape(op, "body: a byte order mark before a record with an unknown field",
                ("\uFEFF" + with(example, "unknownField", "1")).getBytes(StandardCharsets.UTF_8), 400);
        add(op, "body: UTF-16, said so, of a refused record", op.method, target(op, Map.of(), null, true),
                with(withoutContentType(op), new String[] {"Content-Type", "application/json; charset=UTF-16"}),
                refused.getBytes(StandardCharsets.UTF_16), 0, false);

        for (Field field : fields(schema)) {
            fieldValues(op, schema, example, field, "");
            if (field.type().equals("record")) {
                for (Field inner : fields(field.schema())) {
                    fieldValues(op, schema, example, inner, field.name() + ".");
                }
            }
        }
    }

    private void fieldValues(Operation op, JsonObject schema, Map<String, String> example, Field field, String prefix) {
        String name = prefix + field.name();
        // wrong JSON types: refused by their shape, whatever else the body holds
        List<String> wrong = switch (field.type()) {
            case "string" -> List.of("12345", "true", "{}", "[\"a\"]");
            case "integer", "number" -> List.of("\"12\"", "\"" + digits("12", '\u0660') + "\"", "true", "[]", "1.5", "1e400",
                    "12345678901234567890123");
            case "boolean" -> List.of("\"true\"", "1", "[]");
            case "record" -> List.of("\"x\"", "5", "[]");
            default -> field.dateLike()
                    ? List.of("20240101", "[]", "\"2024-02-30\"", "\"31/12/2024\"", "\"\"", "\"2024-01-01T00:00:00Z\"",
                    "\"" + digits("2024", '\u0660') + "-01-01\"")
                    : List.of("\"x\"", "5", "[]");
        };
        for (String value : wrong) {
            shape(op, "field " + name + ": wrong type " + abbreviate(value, 30), bytes(json(put(example, prefix, field, value))), 400);
        }
        if (field.required() && prefix.isEmpty()) {
            Map<String, String> without = new LinkedHashMap<>(example);
            without.remove(field.name());
            body(op, "field " + name + ": missing (required)", bytes(json(without)), 400);
        }
        if (field.name().equals(OWN_PASSWORD)) {
            return;
        }
        if (field.type().equals("string") && !field.dateLike()) {
            field.beyondLimits().ifPresent(value ->
                    body(op, "field " + name + ": beyond its documented limit", bytes(json(put(example, prefix, field, value))), 400));
            if (field.maxLength().isPresent()) {
                body(op, "field " + name + ": beyond its length in two-byte letters",
                        bytes(json(put(example, prefix, field, quote("\u00E9".repeat(field.maxLength().getAsInt() + 1))))), 400);
            }
            body(op, "field " + name + ": 10,000 characters", bytes(json(put(example, prefix, field, quote("x".repeat(10_000))))), 400);
        }
        if (field.type().equals("integer") || field.type().equals("number")) {
            field.beyondLimits().ifPresent(value ->
                    body(op, "field " + name + ": beyond its documented range", bytes(json(put(example, prefix, field, value))), 400));
        }
        // values the API might take as data: each sent only together with something it must refuse
        List<String> soft = new ArrayList<>(List.of("null"));
        switch (field.type()) {
            case "string" -> {
                soft.addAll(List.of("\"\"", "\"   \"", "\"\\ud800\"", "\"\\u0000\""));
                soft.addAll(rotate(INJECTIONS, op.name() + name, 3).stream().map(HostileRequests::quote).toList());
            }
            case "integer", "number" -> soft.addAll(List.of("-1", "0", "2147483647", "-2147483648", "9223372036854775807"));
            default -> {
                if (field.dateLike()) {
                    soft.addAll(List.of("\"0000-01-01\"", "\"9999-12-31\"", "\"+999999999-12-31\"", "\"-999999999-01-01\""));
                }
            }
        }
        for (String value : soft) {
            Map<String, String> body = put(example, prefix, field, value);
            String kind = "field " + name + ": " + abbreviate(value, 40);
            Optional<Map<String, String>> refused = companion(schema, body, prefix.isEmpty() ? field.name() : prefix.replace(".", ""));
            if (refused.isPresent()) {
                body(op, kind + " (and " + describeCompanion(body, refused.get()) + ")", bytes(json(refused.get())), 0);
            } else if (op.versioned()) {
                body(op, kind + " (and a stale If-Match)", bytes(json(body)), 0);
            } else if (!op.parameters("path").isEmpty()) {
                add(op, kind + " (to an id that names no record)", op.method, target(op, Map.of(), null, false), admin(op),
                        bytes(json(body)), 0, false);
            } else if (field.maxLength().isPresent() && value.startsWith("\"")) {
                String padded = value.substring(0, value.length() - 1) + "x".repeat(field.maxLength().getAsInt() + 1) + "\"";
                body(op, kind + " (and beyond its length)", bytes(json(put(example, prefix, field, padded))), 400);
            } else if (field.required() && (value.equals("null") || value.equals("\"\"") || value.equals("\"   \""))) {
                body(op, kind + " (required)", bytes(json(body)), 400);
            }
            // else: nothing would make it invalid but the value itself, which may be valid: not sent
        }
    }

    /** CSV uploads: unusable files (400), wrong media types, and rows that every one must be refused. */
    private void csv(Operation op, String media) {
        JsonObject content = op.spec.getJsonObject("requestBody").getJsonObject("content").getJsonObject(media);
        String header = content.getString("example", "a,b\n1,2\n").split("\n")[0];
        List<String> columns = List.of(header.split(","));
        String hostileRows = IntStream.range(0, 6).mapToObj(row -> columns.stream()
                .map(c -> csvValue(INJECTIONS.get((row * columns.size() + columns.indexOf(c)) % INJECTIONS.size())))
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n")) + "\n";
        String formulaRow = columns.stream().map(c -> csvValue("=HYPERLINK(\"http://127.0.0.1/\",\"" + c + "\")")).collect(Collectors.joining(","));
        String digitsRow = columns.stream().map(c -> digits("9780141439518", '\u0660')).collect(Collectors.joining(","));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("the header only", (header + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("rows of hostile values only", (header + "\n" + hostileRows).getBytes(StandardCharsets.UTF_8));
        files.put("formula cells", (header + "\n" + formulaRow + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("numbers in Arabic-Indic digits", (header + "\n" + digitsRow + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("a value of 70,000 characters", (header + "\n" + "x".repeat(70_000) + "," + hostileRows).getBytes(StandardCharsets.UTF_8));
        files.put("a row of 600,000 commas", (header + "\n" + ",".repeat(600_000) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("a row with too many values", (header + "\n" + hostileRows.strip() + ",extra,extra\n").getBytes(StandardCharsets.UTF_8));
        files.put("a row with one value", (header + "\n'\n").getBytes(StandardCharsets.UTF_8));
        files.put("rows ending in CR only", (header + "\r" + hostileRows.replace("\n", "\r")).getBytes(StandardCharsets.UTF_8));
        files.put("a quote never closed", (header + "\n\"" + hostileRows).getBytes(StandardCharsets.UTF_8));
        files.put("an unknown column", (header + ",nosuch\n" + hostileRows).getBytes(StandardCharsets.UTF_8));
        files.put("a column twice", (header + "," + columns.get(0) + "\n" + hostileRows).getBytes(StandardCharsets.UTF_8));
        files.put("empty", new byte[0]);
        files.put("a header of 600,000 characters", ("x".repeat(600_000) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("binary (a zip file's start)", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, (byte) 0xFF, 0, '\n'});
        files.put("NUL bytes in a row", (header + "\n" + hostileRows.replace(',', '\u0000')).getBytes(StandardCharsets.UTF_8));
        byte[] badUtf8Header = (header + "\n" + hostileRows).getBytes(StandardCharsets.UTF_8);
        badUtf8Header[0] = (byte) 0xFF;
        files.put("a header that is not UTF-8", badUtf8Header);
        for (String column : columns) {
            String without = columns.stream().filter(c -> !c.equals(column)).collect(Collectors.joining(","));
            files.put("without the column " + column, (without + "\n" + hostileRows).getBytes(StandardCharsets.UTF_8));
        }
        String target = target(op, Map.of(), null, false);
        files.forEach((kind, file) -> add(op, "csv: " + kind, op.method, target, admin(op), file, 0, false));
        byte[] rows = (header + "\n" + hostileRows).getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "text/plain", "application/octet-stream")) {
            add(op, "csv as " + type, op.method, target, with(withoutContentType(op), new String[] {"Content-Type", type}), rows, 415, false);
        }
        for (String type : List.of("text/csv; charset=ISO-8859-1", "text/csv; charset=nosuch", "text/csv; charset=UTF-16")) {
            add(op, "csv as " + type, op.method, target, with(withoutContentType(op), new String[] {"Content-Type", type}), rows, 400, false);
        }
        add(op, "csv without a Content-Type", op.method, target, withoutContentType(op), rows, 0, false);
    }

    /** Methods the document does not list for a path: 405, whatever the path. */
    private void methods(String path, JsonObject item) {
        String documented = item.keySet().stream().filter(HostileRequests::isMethod).findFirst().orElseThrow();
        JsonObject any = item.getJsonObject(documented);
        for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH")) {
            Operation op = new Operation(documented.toUpperCase(Locale.ROOT), path, any, item);
            String target = target(op, Map.of(), null, false);
            if (!item.containsKey(method.toLowerCase(Locale.ROOT)) && !documentedElsewhere(method, target)) {
                List<String[]> headers = new ArrayList<>(List.<String[]>of(new String[] {"Authorization", fixture.adminAuthorization()}));
                byte[] body = null;
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    headers.add(new String[] {"Content-Type", "application/json"});
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                }
                out.add(new Request(op.name(), "method " + method + " (not in the document)", method, target, headers, body,
                        Reach.APPLICATION, 405, false));
            }
        }
    }

    /** Whether another path of the document, with a parameter where this one has a name, takes the method there. */
    private boolean documentedElsewhere(String method, String target) {
        String path = target.substring(fixture.contextPath().length());
        return doc.getJsonObject("paths").entrySet().stream().anyMatch(entry -> entry.getValue().asJsonObject()
                .containsKey(method.toLowerCase(Locale.ROOT)) && path.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+")));
    }

    /**
     * What the server refuses while it parses a request, before the application: a few of each
     * kind, to see that they are refused and change nothing (see {@link Reach#CONTAINER}).
     */
    private void beforeTheApplication() {
        String books = fixture.contextPath() + "/api/books";
        List<String[]> admin = List.<String[]>of(new String[] {"Authorization", fixture.adminAuthorization()});
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("path: invalid percent-encoding %zz", books + "/%zz");
        targets.put("path: invalid percent-encoding %", books + "/1%");
        targets.put("path: an encoded NUL", books + "/1%00");
        targets.put("path: an encoded backslash", books + "/1%5C");
        targets.put("path: an overlong UTF-8 dot", books + "/%C0%AE");
        targets.put("path: not UTF-8", books + "/%FF");
        targets.put("path: a lone surrogate in UTF-8", books + "/%ED%A0%80");
        targets.put("path: 9,000 characters", books + "/" + "9".repeat(9_000));
        targets.put("query: 9,000 characters", books + "?q=" + "x".repeat(9_000));
        targets.forEach((kind, target) -> out.add(new Request("(server) GET /api/books", kind, "GET", target, admin, null,
                Reach.CONTAINER, 0, false)));
        out.add(new Request("(server) GET /api/books", "header: 9,000 characters", "GET", books,
                with(admin, new String[] {"X-Padding", "x".repeat(9_000)}), null, Reach.CONTAINER, 0, false));
        out.add(new Request("(server) GET /api/books", "header: a value in UTF-8 beyond ASCII", "GET", books + "/1",
                with(admin, new String[] {"If-None-Match", "\"" + digits("7", '\u0661') + "\""}), null, Reach.CONTAINER, 0, false));
        out.add(new Request("(server) TRACE /api/books", "method TRACE", "TRACE", books, admin, null, Reach.CONTAINER, 0, false));
        out.add(new Request("(server) POST /api/authors", "header Content-Length: abc", "POST", fixture.contextPath() + "/api/authors",
                with(admin, new String[] {"Content-Type", "application/json"}, new String[] {"Content-Length", "abc"}),
                "{}".getBytes(StandardCharsets.UTF_8), Reach.CONTAINER, 0, false));
    }

    // ---------------------------------------------------------------- building requests

    /**
     * The request target: path parameters as given (already encoded), the others a real record's
     * key where that is safe, else a key that names nothing.
     */
    private String target(Operation op, Map<String, String> given, String query, boolean realWhereSafe) {
        String path = op.path;
        for (JsonObject parameter : op.parameters("path")) {
            String name = parameter.getString("name");
            String value = given.containsKey(name) ? given.get(name) : encode(real(op, name, realWhereSafe && safeToAimAtRecords(op, given)));
            path = path.replace("{" + name + "}", value);
        }
        return fixture.contextPath() + path + (query == null ? "" : "?" + query);
    }

    /**
     * Whether a request may aim at real records: a read; a change guarded by a stale If-Match; one
     * where another path parameter already names nothing; one with a body, which every request
     * here sends refused (a field missing or wrong) or with credentials that must be refused. Only
     * a write with neither body nor If-Match (a renewal, a return, a lock) never does.
     */
    private static boolean safeToAimAtRecords(Operation op, Map<String, String> given) {
        return op.reads() || op.versioned() || !given.isEmpty() || op.mediaType().isPresent();
    }

    private String real(Operation op, String parameter, boolean real) {
        boolean numeric = op.parameters("path").stream().filter(p -> p.getString("name").equals(parameter)).anyMatch(HostileRequests::numeric);
        if (!numeric) {
            // a real user name only where nothing can be changed: a write to an account is a write to a login
            return real && op.reads() && parameter.equals("username") ? fixture.adminName() : "no-such-key-" + run;
        }
        if (!real) {
            return ABSENT_ID;
        }
        String collection = parameter.endsWith("Id") ? parameter.substring(0, parameter.length() - 2) + "s" : segmentBefore(op.path, parameter);
        return fixture.ids().getOrDefault(collection, ABSENT_ID);
    }

    private static String segmentBefore(String path, String parameter) {
        String before = path.substring(0, path.indexOf("{" + parameter + "}") - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private List<String[]> admin(Operation op) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Authorization", fixture.adminAuthorization()});
        headers.addAll(contentHeaders(op));
        return headers;
    }

    /** Accept and Content-Type as the document says, and a stale If-Match on the change of a versioned record. */
    private List<String[]> contentHeaders(Operation op) {
        List<String[]> headers = new ArrayList<>();
        List<String> produces = op.produces();
        headers.add(new String[] {"Accept", produces.isEmpty() ? "application/json, application/problem+json"
                : String.join(", ", produces) + ", application/problem+json"});
        op.mediaType().ifPresent(type -> headers.add(new String[] {"Content-Type", type}));
        if (op.versioned()) {
            headers.add(new String[] {"If-Match", "\"999999\""});
        }
        return headers;
    }

    private List<String[]> withoutContentType(Operation op) {
        List<String[]> headers = admin(op);
        headers.removeIf(h -> h[0].equals("Content-Type"));
        return headers;
    }

    /** The body a client would send (the document's examples), or null without one. */
    private byte[] exampleBody(Operation op) {
        Optional<String> media = op.mediaType();
        if (media.isEmpty()) {
            return null;
        }
        JsonObject content = op.spec.getJsonObject("requestBody").getJsonObject("content").getJsonObject(media.get());
        if (media.get().startsWith("text/csv")) {
            return content.getString("example", "").getBytes(StandardCharsets.UTF_8);
        }
        return bytes(json(example(resolve(content.getJsonObject("schema")))));
    }

    /** A body the API must refuse for a missing or out-of-limits value; for a CSV upload, rows of hostile values. */
    private byte[] refusedBody(Operation op) {
        Optional<String> media = op.mediaType();
        if (media.isEmpty()) {
            return null;
        }
        JsonObject content = op.spec.getJsonObject("requestBody").getJsonObject("content").getJsonObject(media.get());
        if (media.get().startsWith("text/csv")) {
            String header = content.getString("example", "a,b\n").split("\n")[0];
            return (header + "\n" + List.of(header.split(",")).stream().map(c -> csvValue("' OR '1'='1"))
                    .collect(Collectors.joining(",")) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        JsonObject schema = resolve(content.getJsonObject("schema"));
        return bytes(json(companion(schema, example(schema), null).orElse(Map.of())));
    }

    /**
     * The body made invalid in another way than through {@code except}: another required field
     * left out, else another field beyond its documented limit; empty when the document names no
     * such field.
     */
    private Optional<Map<String, String>> companion(JsonObject schema, Map<String, String> body, String except) {
        for (Field field : fields(schema)) {
            if (field.required() && !field.name().equals(except) && body.containsKey(field.name())) {
                Map<String, String> without = new LinkedHashMap<>(body);
                without.remove(field.name());
                return Optional.of(without);
            }
        }
        for (Field field : fields(schema)) {
            Optional<String> beyond = field.beyondLimits();
            if (!field.name().equals(except) && beyond.isPresent()) {
                Map<String, String> invalid = new LinkedHashMap<>(body);
                invalid.put(field.name(), beyond.get());
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private static String describeCompanion(Map<String, String> body, Map<String, String> refused) {
        for (String name : body.keySet()) {
            if (!refused.containsKey(name)) {
                return "without " + name;
            }
            if (!refused.get(name).equals(body.get(name))) {
                return name + " beyond its limit";
            }
        }
        return "invalid";
    }

    private static Map<String, String> put(Map<String, String> example, String prefix, Field field, String value) {
        Map<String, String> body = new LinkedHashMap<>(example);
        if (prefix.isEmpty()) {
            body.put(field.name(), value);
        } else {
            String outer = prefix.substring(0, prefix.length() - 1);
            JsonObject inner = Json.createReader(new java.io.StringReader(body.getOrDefault(outer, "{}"))).readObject();
            Map<String, String> nested = new LinkedHashMap<>();
            inner.forEach((k, v) -> nested.put(k, v.toString()));
            nested.put(field.name(), value);
            body.put(outer, json(nested));
        }
        return body;
    }

    private void request(Operation op, String kind, String target, int expected) {
        addRequest(op, kind, target, Reach.APPLICATION, expected);
    }

    private void addRequest(Operation op, String kind, String target, Reach reach, int expected) {
        // the body a client would send: the target is what is wrong, and it names no record
        out.add(new Request(op.name(), kind, op.method, target, admin(op), exampleBody(op), reach, expected, false));
    }

    /** A body refused by its shape, before any resource runs: the status is the same whatever the path names. */
    private void shape(Operation op, String kind, byte[] body, int expected) {
        add(op, kind, op.method, target(op, Map.of(), null, true), admin(op), body, expected, false);
    }

    /**
     * A body the service refuses: a 400 where the path names real records; where it names none
     * (a write to an account), the service may say that first (404).
     */
    private void body(Operation op, String kind, byte[] body, int expected) {
        boolean real = op.parameters("path").stream().allMatch(p -> !real(op, p.getString("name"), true).equals(ABSENT_ID)
                && !real(op, p.getString("name"), true).startsWith("no-such-key-"));
        add(op, kind, op.method, target(op, Map.of(), null, true), admin(op), body, expected == 400 && !real ? 0 : expected, false);
    }

    private void header(Operation op, String target, byte[] body, String name, String value, int expected) {
        List<String[]> headers = admin(op);
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        headers.add(new String[] {name, value});
        add(op, "header " + name + ": " + abbreviate(value, 40), op.method, target, headers, body, expected, false);
    }

    private void add(Operation op, String kind, String method, String target, List<String[]> headers, byte[] body, int expected,
                     boolean wrongCredentials) {
        out.add(new Request(op.name(), kind, method, target, headers, body, Reach.APPLICATION, expected, wrongCredentials));
    }

    private static String[] authorization(String credentials) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }

    /** An address of its own for each stranger, so that no one is throttled: not the tests' own, not another test's. */
    private String[] forwardedFor() {
        int n = strangers++;
        return new String[] {"X-Forwarded-For", "198.18." + ((network + n / 250) % 256) + "." + (1 + n % 250)};
    }

    @SafeVarargs
    private static <T> List<T> with(List<T> list, T... more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static String with(Map<String, String> body, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(body);
        more.put(name, value);
        return json(more);
    }

    private static <T> List<T> rotate(List<T> values, String seed, int count) {
        int start = Math.floorMod(seed.hashCode(), values.size());
        return IntStream.range(0, Math.min(count, values.size())).mapToObj(i -> values.get((start + i) % values.size())).toList();
    }

    static String json(Map<String, String> body) {
        return body.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String text) {
        return Json.createValue(text).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String csvValue(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Percent-encodes everything but the unreserved characters of RFC 3986, as UTF-8. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** A number written in another script's digits, from that script's zero. */
    static String digits(String number, char zero) {
        return number.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (zero + (c - '0'))) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    static String abbreviate(String text, int max) {
        String visible = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return visible.length() <= max ? visible : visible.substring(0, max) + "… (" + text.length() + " chars)";
    }
}
