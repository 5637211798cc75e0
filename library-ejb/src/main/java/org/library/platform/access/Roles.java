package org.library.platform.access;

/**
 * The names of the library's two roles, as Jakarta Security groups, the servers' roles, and the
 * services' access rules ({@link Allowed}) write them.
 */
public final class Roles {

    /** Staff: every write, every record. */
    public static final String STAFF = "LIBRARIAN";

    /** A card holder: the catalogue, and their own loans and holds. */
    public static final String CARD_HOLDER = "MEMBER";

    /** Anyone, logged in or not (the catalogue, and what authentication itself needs). */
    public static final String ANYONE = "*";

    private Roles() {
    }
}
