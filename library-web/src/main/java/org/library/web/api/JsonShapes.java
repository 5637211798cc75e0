package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;

/**
 * Checks a JSON body against the record the resource method reads it into, before any binding:
 * the body is an object, every field is one the record has, and each value has the field's JSON
 * type (a whole number for {@code Integer}/{@code Long}, text for {@code String}, {@code true} or
 * {@code false} for {@code Boolean}, an ISO date for {@code LocalDate}, an object for a nested
 * record). Every mismatch is listed by field in one 400, so a client learns all that is wrong at
 * once, and a PUT, which replaces a record, never loses a misspelt field without a word. The body
 * is one JSON value with nothing after it. The values' limits (lengths, ranges) are the services'
 * own checks, which come after.
 *
 * <p>Runs after {@link RequestBodies}, which has bounded and buffered the body.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonShapes implements ContainerRequestFilter {

    private static final Map<Method, Optional<Class<?>>> BODIES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resource.getResourceMethod();
        if (method == null || !request.hasEntity() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        Optional<Class<?>> record = BODIES.computeIfAbsent(method, JsonShapes::recordBody);
        if (record.isEmpty()) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes(); // bounded by RequestBodies
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonValue json;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            json = parser.getValue();
            if (more(parser)) {
                // the JSON-B reader binds the first value and ignores the rest: {"name": "A"}{"name": "B"} would be A
                refuse(request, "must be one JSON value, with nothing after it");
                return;
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            return; // not JSON at all: the reader's own 400 (UnreadableBodyMapper) says so
        } catch (UnsupportedOperationException e) {
            // the parser's bound on the digits of a number (Parsson's: 1,100), which it reports thus, not as bad JSON
            refuse(request, "holds a number with too many digits to be read");
            return;
        }
        List<FieldViolation> violations = new ArrayList<>();
        check("", json, record.get(), violations);
        if (!violations.isEmpty()) {
            request.abortWith(Problem.invalid(withTheRest(violations, json, record.get()), request.getUriInfo().getRequestUri())
                    .toResponse());
        }
    }

    /**
     * When the only fault of a well-shaped body is a natural key that is not one, the service never
     * sees it, so the rest of the body is checked here, by the service's own input record (the
     * request record's {@link ServiceInput#data()}), without the refused keys: one 400 lists every field to
     * fix, as it does when the keys are right.
     */
    private static List<FieldViolation> withTheRest(List<FieldViolation> violations, JsonValue json, Class<?> record) {
        Set<String> keys = Arrays.stream(record.getRecordComponents()).filter(c -> NaturalKeyJson.isKey(c.getType()))
                .map(RecordComponent::getName).collect(Collectors.toSet());
        if (!ServiceInput.class.isAssignableFrom(record) || !violations.stream().allMatch(v -> keys.contains(v.field()))) {
            return violations;
        }
        JsonObjectBuilder rest = Json.createObjectBuilder((JsonObject) json);
        violations.forEach(refused -> rest.remove(refused.field())); // the keys that are right stay
        ServiceInput input = (ServiceInput) NaturalKeyJson.JSONB.fromJson(rest.build().toString(), record);
        try {
            CDI.current().select(Inputs.class).get().refuseWithTheRest(violations, input.data());
        } catch (InvalidInputException e) {
            return e.violations();
        }
        return violations; // not reached: there were refusals
    }

    private static boolean more(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonException e) {
            return true; // what follows is not even JSON
        }
    }

    private static void refuse(ContainerRequestContext request, String message) {
        request.abortWith(Problem.invalid(List.of(new FieldViolation("body", message)), request.getUriInfo().getRequestUri())
                .toResponse());
    }

    /** The record a method's entity parameter (the one without a JAX-RS annotation) is, if it is one. */
    private static Optional<Class<?>> recordBody(Method method) {
        return Arrays.stream(method.getParameters())
                .filter(JsonShapes::isEntity)
                .map(Parameter::getType)
                .filter(Class::isRecord)
                .<Class<?>>map(type -> type)
                .findFirst();
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> PARAMETER_ANNOTATIONS = List.of(
            PathParam.class, QueryParam.class, HeaderParam.class, BeanParam.class, FormParam.class, CookieParam.class,
            MatrixParam.class, Context.class);

    private static boolean isEntity(Parameter p) {
        return PARAMETER_ANNOTATIONS.stream().noneMatch(p::isAnnotationPresent);
    }

    static void check(String prefix, JsonValue json, Class<?> record, List<FieldViolation> violations) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.add(new FieldViolation(prefix.isEmpty() ? "body" : prefix, "must be a JSON object"));
            return;
        }
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        Map<String, java.lang.reflect.Type> generic = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.put(component.getName(), component.getType());
            generic.put(component.getName(), component.getGenericType());
        }
        for (Map.Entry<String, JsonValue> entry : ((JsonObject) json).entrySet()) {
            String name = prefix + entry.getKey();
            Class<?> type = fields.get(entry.getKey());
            if (type == null) {
                violations.add(new FieldViolation(name, "is not a field of this record; the fields are " + fields.keySet()));
            } else if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            } else if (type == List.class) {
                listOf(name, entry.getValue(), generic.get(entry.getKey()), violations);
            } else {
                typeOf(name, entry.getValue(), type, violations);
            }
        }
    }

    /** A list of texts (the only kind of list a body has: a token's scopes) must be an array of texts. */
    private static void listOf(String name, JsonValue value, java.lang.reflect.Type type, List<FieldViolation> violations) {
        boolean ofText = type instanceof java.lang.reflect.ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class;
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || ofText && value.asJsonArray().stream().anyMatch(item -> item.getValueType() != JsonValue.ValueType.STRING)) {
            violations.add(new FieldViolation(name, ofText ? "must be a list of texts" : "must be a list"));
        }
    }

    private static void typeOf(String name, JsonValue value, Class<?> type, List<FieldViolation> violations) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            boolean isInt = type == Integer.class || type == int.class;
            boolean whole = value instanceof JsonNumber number && isWhole(number.bigDecimalValue(),
                    isInt ? Integer.MIN_VALUE : Long.MIN_VALUE, isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
            if (!whole) {
                violations.add(new FieldViolation(name, "must be a whole number"));
            }
        } else if (type == String.class) {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                violations.add(new FieldViolation(name, "must be text"));
            }
        } else if (type == Boolean.class || type == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                violations.add(new FieldViolation(name, "must be true or false"));
            }
        } else if (type == Instant.class) {
            if (!(value instanceof JsonString text) || !isInstant(text.getString())) {
                violations.add(new FieldViolation(name, "must be an instant in UTC like 2027-06-30T00:00:00Z"));
            }
        } else if (type == LocalDate.class) {
            if (!(value instanceof JsonString text) || !isDate(text.getString())) {
                violations.add(new FieldViolation(name, "must be a date like 2024-03-31"));
            }
        } else if (NaturalKeyJson.isKey(type)) {
            if (value instanceof JsonString text) {
                NaturalKeyJson.refusal(type, text.getString())
                        .ifPresent(why -> violations.add(new FieldViolation(name, why)));
            } else {
                violations.add(new FieldViolation(name, "must be text"));
            }
        } else if (type.isRecord()) {
            check(name + ".", value, type, violations);
        }
    }

    /**
     * Whether a JSON number is written without a fraction or exponent and lies within
     * {@code min..max}. Decided from its scale and its count of digits first, never by expanding
     * it: {@code 1e999999999} is a short text and an enormous integer.
     */
    static boolean isWhole(BigDecimal value, long min, long max) {
        if (value.scale() != 0 || value.precision() > 19) {
            return false;
        }
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
