package org.library.accounts;

import java.io.Serializable;

/**
 * Who is logged in: the account's user name and role, and the librarian or member it belongs to
 * (exactly one of the two ids is set, as the role says).
 */
public record Caller(String username, Role role, Long librarianId, Long memberId) implements Serializable {

    public boolean isStaff() {
        return role == Role.LIBRARIAN;
    }

    /** Staff may act for every member; a member only for themself. */
    public boolean mayActFor(long member) {
        return isStaff() || (memberId != null && memberId == member);
    }
}
