package org.library.transfer;

import java.util.List;
import java.util.Locale;

/** What an import loads, with the CSV columns it requires and those it also understands. */
public enum ImportKind {

    /** Books with their author, who is created when absent and reused when present. */
    BOOKS(List.of("isbn", "title", "publication_year", "copies", "author"),
            List.of("author_birth_year", "author_death_year")),

    /** Library members (card holders). */
    MEMBERS(List.of("member_number", "name", "email"), List.of("joined_on", "active"));

    private final List<String> required;
    private final List<String> optional;

    ImportKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /** Every column, required ones first: the header an export writes. */
    public List<String> columns() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The name used in URLs and reports: {@code books}, {@code members}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
