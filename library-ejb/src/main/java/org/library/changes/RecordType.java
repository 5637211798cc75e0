package org.library.changes;

import java.util.Arrays;
import java.util.Optional;
import org.library.platform.access.Roles;

/**
 * The kinds of record the change log follows, with the name they have in the log, the feed and the
 * event types ({@code book.updated}), and the scope whose holders may read their fields there. A
 * record's fields are personal data where a person can be told from them (a member, a loan saying
 * who reads what, a librarian's e-mail); the others are the public catalogue.
 */
public enum RecordType {
    AUTHOR("author", null),
    BOOK("book", null),
    MEMBER("member", Roles.MEMBERS_WRITE),
    LIBRARIAN("librarian", Roles.ADMINISTRATION),
    LOAN("loan", Roles.CIRCULATION),
    HOLD("hold", Roles.CIRCULATION),
    ACCOUNT("account", Roles.ADMINISTRATION),
    TOKEN("token", Roles.ADMINISTRATION);

    private final String wireName;
    private final String readScope;

    RecordType(String wireName, String readScope) {
        this.wireName = wireName;
        this.readScope = readScope;
    }

    public String wireName() {
        return wireName;
    }

    /** The scope needed to read the fields of such a record in the log; empty when anyone may. */
    public Optional<String> readScope() {
        return Optional.ofNullable(readScope);
    }

    public static Optional<RecordType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
