package org.library.platform;

/**
 * The limits several records share, declared once: the entities' column lengths, the input
 * records' Bean Validation and the API's schema all name these (a limit of one record only is
 * declared on its entity). The Flyway scripts, which cannot name Java constants, say the same.
 */
public final class Limits {

    /** A person's or an author's name. */
    public static final int NAME_LENGTH = 200;

    /** An e-mail address: the longest a mail path may carry (RFC 5321). */
    public static final int EMAIL_LENGTH = 254;

    /** A year of birth, death or publication: from antiquity to the last four-digit year. */
    public static final int YEAR_MIN = -3000;
    public static final int YEAR_MAX = 9999;

    private Limits() {
    }
}
