package org.library.members;

/**
 * Announced, synchronously and inside the deleting transaction, when a member who holds no book
 * is about to be deleted: the components that keep rows about the member (circulation's loans and
 * holds, the member's login account) remove them, or refuse the deletion by throwing, which rolls
 * it back.
 *
 * @param erasure the member is erased (privacy) rather than deleted: their loans stay, anonymised,
 *                so that the books' history keeps the fact of each loan; a deletion takes them along
 */
public record MemberRemoving(long memberId, String memberNumber, boolean erasure) {
}
