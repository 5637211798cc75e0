package org.library.accounts;

/**
 * The two roles of the library. A caller's Jakarta Security group is the role's name, and the
 * servers map group to role one to one (the Jakarta Security default), so no vendor descriptor
 * is needed. Its names are those of {@link org.library.platform.access.Roles}.
 */
public enum Role {
    /** Staff: every write, every record. */
    LIBRARIAN,
    /** A card holder: the catalogue, and their own loans and holds. */
    MEMBER;

    public static final String STAFF = org.library.platform.access.Roles.STAFF;
    public static final String CARD_HOLDER = org.library.platform.access.Roles.CARD_HOLDER;
}
