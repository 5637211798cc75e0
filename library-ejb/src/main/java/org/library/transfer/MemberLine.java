package org.library.transfer;

import java.time.LocalDate;

/**
 * A member row that passed the checks of {@code MemberData}, normalised: the card number in upper
 * case, the e-mail address in lower case. A blank {@code joinedOn} or {@code active} keeps what
 * an existing member has, and is today and true for a new one.
 */
public record MemberLine(long line, String memberNumber, String name, String email, LocalDate joinedOn, Boolean active) {
}
