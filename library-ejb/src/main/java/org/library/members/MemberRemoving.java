package org.library.members;

/**
 * Announced, synchronously and inside the deleting transaction, when a member who holds no book
 * is about to be deleted: the components that keep rows about the member (circulation's loans and
 * holds) remove them, or refuse the deletion by throwing, which rolls it back.
 */
public record MemberRemoving(long memberId, String memberNumber) {
}
