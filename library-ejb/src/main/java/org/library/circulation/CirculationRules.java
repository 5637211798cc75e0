package org.library.circulation;

/**
 * The values of the circulation settings, checked: a record that cannot hold a rule the
 * library could not work by (a loan period of no days, a negative number of renewals). The
 * message of a refusal names the setting and what it takes, for the operator who set it.
 */
public record CirculationRules(int loanPeriodDays, int maxLoans, int maxRenewals, int renewalGraceDays,
                               int holdPickupDays, int maxHolds) {

    public static final String LOAN_PERIOD_DAYS = "library.loan-period-days";
    public static final String MAX_LOANS = "library.max-loans";
    public static final String MAX_RENEWALS = "library.max-renewals";
    public static final String RENEWAL_GRACE_DAYS = "library.renewal-grace-days";
    public static final String HOLD_PICKUP_DAYS = "library.hold-pickup-days";
    public static final String MAX_HOLDS = "library.max-holds";

    /** The defaults (Koha's and FOLIO's usual ones), as text: MicroProfile Config's defaults are. */
    static final String DEFAULT_LOAN_PERIOD_DAYS = "21";
    static final String DEFAULT_MAX_LOANS = "5";
    static final String DEFAULT_MAX_RENEWALS = "2";
    static final String DEFAULT_RENEWAL_GRACE_DAYS = "3";
    static final String DEFAULT_HOLD_PICKUP_DAYS = "3";
    static final String DEFAULT_MAX_HOLDS = "10";

    /** @throws IllegalArgumentException naming the first setting whose value is refused */
    public CirculationRules {
        positive(LOAN_PERIOD_DAYS, loanPeriodDays);
        positive(MAX_LOANS, maxLoans);
        atLeastZero(MAX_RENEWALS, maxRenewals);
        atLeastZero(RENEWAL_GRACE_DAYS, renewalGraceDays);
        positive(HOLD_PICKUP_DAYS, holdPickupDays);
        positive(MAX_HOLDS, maxHolds);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void atLeastZero(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
