package org.library.staff;

import java.util.Optional;
import java.util.regex.Pattern;
import org.library.platform.NaturalKey;

/**
 * A librarian's employee number, the natural key of staff records: printed on a badge and
 * typed in any case: "e2001" and " E2001 " are the employee E2001 at every front door.
 */
public final class EmployeeNumber extends NaturalKey {

    private static final long serialVersionUID = 1L;

    /** What a refused input is told, at every front door. */
    public static final String FORM = "must look like E1234 (E and four to six digits)";

    private static final Pattern NORMAL = Pattern.compile("E\\d{4,6}");

    private EmployeeNumber(String value) {
        super(value);
    }

    /** @return the number, or empty when the input is not one */
    public static Optional<EmployeeNumber> parse(String input) {
        return parseCode(input, NORMAL, 40, EmployeeNumber::new);
    }

    /**
     * For values known to be valid (tests, demo data, a row read back from the database).
     *
     * @throws IllegalArgumentException when it is not
     */
    public static EmployeeNumber of(String input) {
        return parse(input).orElseThrow(() -> new IllegalArgumentException("not an employee number: " + input));
    }
}
