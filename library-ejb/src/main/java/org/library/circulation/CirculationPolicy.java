package org.library.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import org.library.platform.Settings;

/**
 * The library's circulation rules, in one place, with sane defaults (Koha's and FOLIO's usual
 * ones) that an operator changes without a rebuild: a system property such as
 * {@code -Dlibrary.loan-period-days=14}, or the environment variable
 * {@code LIBRARY_LOAN_PERIOD_DAYS=14}. Read once at start-up.
 */
@ApplicationScoped
public class CirculationPolicy {

    private final int loanPeriodDays = positive("library.loan-period-days", 21);
    private final int maxLoans = positive("library.max-loans", 5);
    private final int maxRenewals = atLeastZero("library.max-renewals", 2);
    private final int renewalGraceDays = atLeastZero("library.renewal-grace-days", 3);
    private final int holdPickupDays = positive("library.hold-pickup-days", 3);
    private final int maxHolds = positive("library.max-holds", 10);

    /** Days from borrowing (or renewing) to the due date. */
    public int loanPeriodDays() {
        return loanPeriodDays;
    }

    /** Books a member may hold at once. */
    public int maxLoans() {
        return maxLoans;
    }

    /** Renewals of one loan. */
    public int maxRenewals() {
        return maxRenewals;
    }

    /** Days past the due date during which a loan can still be renewed. */
    public int renewalGraceDays() {
        return renewalGraceDays;
    }

    /** Holds a member may have waiting or ready at once. */
    public int maxHolds() {
        return maxHolds;
    }

    /** Days a copy set aside for a hold waits for its member. */
    public int holdPickupDays() {
        return holdPickupDays;
    }

    private static int positive(String name, int defaultValue) {
        int value = atLeastZero(name, defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    private static int atLeastZero(String name, int defaultValue) {
        int value = Settings.get(name).map(Integer::valueOf).orElse(defaultValue);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
