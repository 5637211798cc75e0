package org.library.circulation;

import static org.library.circulation.CirculationRules.DEFAULT_HOLD_PICKUP_DAYS;
import static org.library.circulation.CirculationRules.DEFAULT_LOAN_PERIOD_DAYS;
import static org.library.circulation.CirculationRules.DEFAULT_MAX_HOLDS;
import static org.library.circulation.CirculationRules.DEFAULT_MAX_LOANS;
import static org.library.circulation.CirculationRules.DEFAULT_MAX_RENEWALS;
import static org.library.circulation.CirculationRules.DEFAULT_RENEWAL_GRACE_DAYS;
import static org.library.circulation.CirculationRules.HOLD_PICKUP_DAYS;
import static org.library.circulation.CirculationRules.LOAN_PERIOD_DAYS;
import static org.library.circulation.CirculationRules.MAX_HOLDS;
import static org.library.circulation.CirculationRules.MAX_LOANS;
import static org.library.circulation.CirculationRules.MAX_RENEWALS;
import static org.library.circulation.CirculationRules.RENEWAL_GRACE_DAYS;
import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The library's circulation rules, in one place, with sane defaults (Koha's and FOLIO's usual
 * ones) that an operator changes without a rebuild: MicroProfile Config properties such as the
 * system property {@code -Dlibrary.loan-period-days=14} or the environment variable
 * {@code LIBRARY_LOAN_PERIOD_DAYS=14}. Read as text ({@link org.library.platform.SettingValues} says
 * why) and checked ({@link CirculationRules}) once, when the application starts: a value the
 * library cannot work by stops the deployment.
 */
@ApplicationScoped
public class CirculationPolicy {

    private static final Logger LOG = Logger.getLogger(CirculationPolicy.class.getName());

    @Inject
    @ConfigProperty(name = LOAN_PERIOD_DAYS, defaultValue = DEFAULT_LOAN_PERIOD_DAYS)
    String loanPeriodDays;

    @Inject
    @ConfigProperty(name = MAX_LOANS, defaultValue = DEFAULT_MAX_LOANS)
    String maxLoans;

    @Inject
    @ConfigProperty(name = MAX_RENEWALS, defaultValue = DEFAULT_MAX_RENEWALS)
    String maxRenewals;

    @Inject
    @ConfigProperty(name = RENEWAL_GRACE_DAYS, defaultValue = DEFAULT_RENEWAL_GRACE_DAYS)
    String renewalGraceDays;

    @Inject
    @ConfigProperty(name = HOLD_PICKUP_DAYS, defaultValue = DEFAULT_HOLD_PICKUP_DAYS)
    String holdPickupDays;

    @Inject
    @ConfigProperty(name = MAX_HOLDS, defaultValue = DEFAULT_MAX_HOLDS)
    String maxHolds;

    private CirculationRules rules;

    @PostConstruct
    void check() {
        try {
            rules = new CirculationRules(wholeNumber(LOAN_PERIOD_DAYS, loanPeriodDays), wholeNumber(MAX_LOANS, maxLoans),
                    wholeNumber(MAX_RENEWALS, maxRenewals), wholeNumber(RENEWAL_GRACE_DAYS, renewalGraceDays),
                    wholeNumber(HOLD_PICKUP_DAYS, holdPickupDays), wholeNumber(MAX_HOLDS, maxHolds));
        } catch (IllegalArgumentException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Makes the bean, and so checks the settings, when the application starts rather than at the first loan. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Circulation rules: " + rules);
    }

    /** Days from borrowing (or renewing) to the due date. */
    public int loanPeriodDays() {
        return rules.loanPeriodDays();
    }

    /** Books a member may hold at once. */
    public int maxLoans() {
        return rules.maxLoans();
    }

    /** Renewals of one loan. */
    public int maxRenewals() {
        return rules.maxRenewals();
    }

    /** Days past the due date during which a loan can still be renewed. */
    public int renewalGraceDays() {
        return rules.renewalGraceDays();
    }

    /** Holds a member may have waiting or ready at once. */
    public int maxHolds() {
        return rules.maxHolds();
    }

    /** Days a copy set aside for a hold waits for its member. */
    public int holdPickupDays() {
        return rules.holdPickupDays();
    }
}
