package org.library.platform.access;

import java.util.List;

/**
 * The names of the library's two roles and of the scopes of API tokens, as Jakarta Security
 * groups, the servers' roles, and the services' access rules ({@link Allowed}) write them.
 *
 * <p>A scope is what a system (an API token) may do; a person on the staff holds every scope
 * ({@link Identity#hasAnyRole}), so that an {@code @Allowed} naming a scope admits the token
 * holding it and every librarian. What is still {@link #STAFF} only is for people only.
 */
public final class Roles {

    /** Staff: every write, every record. */
    public static final String STAFF = "LIBRARIAN";

    /** A card holder: the catalogue, and their own loans and holds. */
    public static final String CARD_HOLDER = "MEMBER";

    /** Scope: the catalogue's exports (reading it needs nothing). */
    public static final String CATALOGUE_READ = "catalogue:read";

    /** Scope: authors and books, and the book import. */
    public static final String CATALOGUE_WRITE = "catalogue:write";

    /** Scope: members, read and written, and the member import. */
    public static final String MEMBERS_WRITE = "members:write";

    /** Scope: borrow, return, renew, holds, and the loans. */
    public static final String CIRCULATION = "circulation";

    /** Scope: login accounts, librarians, API tokens. */
    public static final String ADMINISTRATION = "administration";

    /** Every scope a token may hold, in the order they are shown. */
    public static final List<String> SCOPES = List.of(CATALOGUE_READ, CATALOGUE_WRITE, MEMBERS_WRITE, CIRCULATION, ADMINISTRATION);

    /** Anyone, logged in or not (the catalogue, and what authentication itself needs). */
    public static final String ANYONE = "*";

    private Roles() {
    }
}
