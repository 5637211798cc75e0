package org.library.members;

import java.util.Optional;
import java.util.regex.Pattern;
import org.library.platform.NaturalKey;

/**
 * A library card's number, the member's natural key: printed on the card and typed at the desk,
 * so "m000123" and " M000123 " are the card M000123 at every front door.
 */
public final class MemberNumber extends NaturalKey {

    private static final long serialVersionUID = 1L;

    /** What a refused input is told, at every front door. */
    public static final String FORM = "must look like M000123 (M and six digits)";

    private static final Pattern NORMAL = Pattern.compile("M\\d{6}");

    private MemberNumber(String value) {
        super(value);
    }

    /** @return the number, or empty when the input is not one */
    public static Optional<MemberNumber> parse(String input) {
        return parseCode(input, NORMAL, 40, MemberNumber::new);
    }

    /**
     * For values known to be valid (tests, demo data, a row read back from the database).
     *
     * @throws IllegalArgumentException when it is not
     */
    public static MemberNumber of(String input) {
        return parse(input).orElseThrow(() -> new IllegalArgumentException("not a member number: " + input));
    }
}
