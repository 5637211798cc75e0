package org.library.web.api;

import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.Numbers;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

/**
 * The paging and sorting query parameters every list resource takes: {@code page} (from 0, at most
 * {@value PageRequest#MAX_OFFSET} rows deep),
 * {@code size} (1 to {@value PageRequest#MAX_SIZE}, default {@value PageRequest#DEFAULT_SIZE}) and
 * {@code sort} ({@code title}, {@code -title} or {@code title,desc}) and {@code total} ({@code true}
 * to have the list's total counted, up to {@value org.library.platform.Page#COUNT_LIMIT}; without
 * it a page tells only whether another follows, which costs nothing). Read as text and checked
 * here, so that {@code page=abc} is a 400 naming the parameter, not the 404 JAX-RS gives for a
 * query parameter it cannot convert.
 */
public class Paging {

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    @QueryParam("sort")
    String sort;

    @QueryParam("total")
    String total;

    public PageRequest request() {
        return request(new ArrayList<>());
    }

    /**
     * The page of a list that has one order (a history, newest first): a {@code sort} is refused
     * with the rest, rather than ignored, so that a client never takes the order for the one it asked.
     */
    public PageRequest requestInOneOrder(String order) {
        List<FieldViolation> violations = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            violations.add(new FieldViolation("sort", "cannot be chosen: this list is always " + order));
        }
        return request(violations);
    }

    private PageRequest request(List<FieldViolation> violations) {
        int pageSize = number("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE, violations);
        int pageNumber = number("page", page, 0, 0, PageRequest.lastPage(pageSize), violations);
        boolean count = total != null && !total.isBlank() && !total.strip().equalsIgnoreCase("false");
        if (count && !total.strip().equalsIgnoreCase("true")) {
            violations.add(new FieldViolation("total", "must be true or false"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PageRequest(pageNumber, pageSize, count);
    }

    public SortOrder sort(String defaultProperty) {
        return SortOrder.parse(sort).orElse(SortOrder.asc(defaultProperty));
    }

    /**
     * An optional yes/no query parameter: {@code true} or {@code false} (any case), absent or blank
     * is {@code null}; anything else is a 400 naming the parameter (JAX-RS would read "maybe" as false).
     */
    public static Boolean flag(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.strip().equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidInputException(List.of(new FieldViolation(name, "must be true or false")));
    }

    /** An optional id query parameter; text that is not one is a 400 naming the parameter. */
    public static Long id(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OptionalLong id = Numbers.parseLong(text.strip());
        if (id.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldViolation(name, "must be a numeric id")));
        }
        return id.getAsLong();
    }

    /** An optional whole-number query parameter within bounds; anything else is a 400 naming the parameter. */
    static int number(String name, String text, int defaultValue, int min, int max) {
        List<FieldViolation> violations = new ArrayList<>();
        int value = number(name, text, defaultValue, min, max, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return value;
    }

    private static int number(String name, String text, int defaultValue, int min, int max, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        OptionalInt value = Numbers.parseInt(text.strip());
        if (value.isPresent() && value.getAsInt() >= min && value.getAsInt() <= max) {
            return value.getAsInt();
        }
        violations.add(new FieldViolation(name, "must be a whole number between " + min + " and " + max
                + ("page".equals(name) ? " (lists go " + PageRequest.MAX_OFFSET + " rows deep; narrow the search for more)" : "")));
        return defaultValue;
    }
}
