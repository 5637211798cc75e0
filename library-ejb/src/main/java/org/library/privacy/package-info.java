/**
 * A member's data as the law sees it: everything the library keeps about one member, gathered
 * from the components that keep it (the member record, the login account, loans, holds), for
 * staff to hand to the member. Depends on those components; none depends on it. Erasure is
 * {@link org.library.members.MemberService#erase}; the anonymising of old loans is circulation's
 * ({@link org.library.circulation.LoanHistoryPrivacy}).
 */
package org.library.privacy;
