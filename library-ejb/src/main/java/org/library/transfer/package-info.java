/**
 * Moving the library's data in and out in bulk, as CSV (RFC 4180, UTF-8, a header row): imports of
 * books with their authors and of members, row by row with a report of the bad rows, committed in
 * batches and idempotent on the natural keys (ISBN, member number); and streamed exports of the
 * catalogue, the members and the loan ledger. The other components stay the owners of their
 * rules: the rows are checked against their input records ({@code BookData}, {@code AuthorData},
 * {@code MemberData}) and the ISBN rules of {@code Isbn}, and written within the same database
 * constraints.
 */
package org.library.transfer;
