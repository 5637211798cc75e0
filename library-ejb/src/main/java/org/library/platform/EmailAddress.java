package org.library.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address, unique among members and among librarians: one person, one address, however
 * it is typed. Stored in lower case, so that "Ada@Example.org" and "ada@example.org " are the same
 * address at every front door, and UNIQUE holds for both.
 *
 * <p>Well-formed means what Bean Validation's {@code @Email} (Hibernate Validator) accepted before
 * this type: a dot-separated local part of at most 64 characters, {@code @}, and a domain whose
 * labels (after IDN conversion) are letters, digits and inner hyphens, at most 63 each.
 */
public final class EmailAddress extends NaturalKey {

    private static final long serialVersionUID = 1L;

    /** What a refused input is told, at every front door. */
    public static final String FORM = "must be a well-formed email address";

    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private EmailAddress(String value) {
        super(value);
    }

    /** @return the address in its stored form, or empty when the input is not one */
    public static Optional<EmailAddress> parse(String input) {
        if (input == null || input.length() > 2 * Limits.EMAIL_LENGTH) {
            return Optional.empty();
        }
        String address = input.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (address.length() > Limits.EMAIL_LENGTH || at < 1 || at > 64 || at == address.length() - 1
                || !LOCAL_PART.matcher(address.substring(0, at)).matches()) {
            return Optional.empty();
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return DOMAIN.matcher(domain).matches() ? Optional.of(new EmailAddress(address)) : Optional.empty();
    }

    /**
     * For values known to be valid (tests, demo data, a row read back from the database).
     *
     * @throws IllegalArgumentException when it is not
     */
    public static EmailAddress of(String input) {
        return parse(input).orElseThrow(() -> new IllegalArgumentException("not an e-mail address: " + input));
    }
}
