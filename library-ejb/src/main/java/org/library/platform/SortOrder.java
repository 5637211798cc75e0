package org.library.platform;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A requested sort: a property name the client knows ({@code title}) and a direction. Parsed from
 * {@code title}, {@code title,asc} or {@code -title} / {@code title,desc}. Services turn it into
 * JPQL only through a whitelist, so a sort can never inject anything into a query.
 */
public record SortOrder(String property, boolean ascending) implements Serializable {

    public static SortOrder asc(String property) {
        return new SortOrder(property, true);
    }

    /**
     * @return the parsed order, or empty for a blank input
     */
    public static Optional<SortOrder> parse(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String text = input.strip();
        boolean ascending = true;
        if (text.startsWith("-")) {
            ascending = false;
            text = text.substring(1);
        }
        int comma = text.indexOf(',');
        if (comma >= 0) {
            String direction = text.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            ascending = !direction.equals("desc");
            text = text.substring(0, comma).strip();
        }
        return Optional.of(new SortOrder(text, ascending));
    }

    /**
     * @param whitelist client property name to JPQL path, e.g. {@code "author" -> "a.name"}
     * @param tieBreak  a unique JPQL path appended so that paging is stable
     * @return the JPQL {@code ORDER BY} clause
     * @throws InvalidInputException when the property is not sortable
     */
    public String toJpql(Map<String, String> whitelist, String tieBreak) {
        String path = whitelist.get(property);
        if (path == null) {
            throw new InvalidInputException(java.util.List.of(new FieldViolation("sort",
                    "cannot sort by '" + property + "'; sortable: " + String.join(", ", new java.util.TreeSet<>(whitelist.keySet())))));
        }
        String direction = ascending ? " ASC" : " DESC";
        // rows without a value (a book with no known year) come last either way, on every database
        return " ORDER BY " + path + direction + " NULLS LAST, " + tieBreak + direction;
    }
}
