package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.library.circulation.LendingRules.Borrower;
import org.library.circulation.LendingRules.Refusal;

/** The lending rules by themselves: no container, no database, days and counts as the command read them. */
class LendingRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Nested
    class Borrowing {

        static final int MAX_LOANS = 5;

        Optional<Refusal> borrow(boolean active, boolean holdsIt, long overdue, long out) {
            return LendingRules.borrowing(new Borrower("M000123", active, holdsIt, overdue, out), "Emma", MAX_LOANS);
        }

        @Test
        void anActiveMemberWithNothingOverdueAndRoomForOneMoreMayBorrow() {
            assertThat(borrow(true, false, 0, MAX_LOANS - 1)).isEmpty();
        }

        @Test
        void anInactiveCardIsRefusedFirstWhateverElseIsWrong() {
            assertThat(borrow(false, true, 3, MAX_LOANS)).get().extracting(Refusal::exception)
                    .isInstanceOf(MemberInactiveException.class);
        }

        @Test
        void aBookHeldAlreadyIsRefusedBeforeTheOverdueLoansAndTheLimit() {
            assertThat(borrow(true, true, 3, MAX_LOANS)).get().extracting(Refusal::exception)
                    .isInstanceOf(AlreadyHoldsBookException.class);
        }

        @Test
        void oneOverdueLoanStopsBorrowing() {
            Optional<Refusal> refusal = borrow(true, false, 1, 1);
            assertThat(refusal).get().extracting(Refusal::exception).isInstanceOf(MemberHasOverdueLoansException.class);
            assertThat(refusal.get().reason()).isEqualTo(refusal.get().exception().code());
        }

        @Test
        void theMostLoansAllowedStopsBorrowing() {
            assertThat(borrow(true, false, 0, MAX_LOANS)).get().extracting(Refusal::exception)
                    .isInstanceOf(LoanLimitReachedException.class);
        }

        @Test
        void aLoanIsDueOneLoanPeriodAfterTheDayItIsMade() {
            assertThat(LendingRules.dueOn(TODAY, 21)).isEqualTo(LocalDate.of(2026, 3, 31));
        }
    }

    @Nested
    class Renewing {

        static final int MAX_RENEWALS = 2;
        static final int GRACE_DAYS = 3;

        Optional<Refusal> renew(int renewals, LocalDate dueOn, long othersWaiting) {
            return LendingRules.renewing(renewals, dueOn, TODAY, othersWaiting, "Emma", MAX_RENEWALS, GRACE_DAYS);
        }

        @Test
        void aLoanNotYetDueWithNobodyWaitingMayBeRenewed() {
            assertThat(renew(0, TODAY.plusDays(5), 0)).isEmpty();
            assertThat(renew(MAX_RENEWALS - 1, TODAY, 0)).isEmpty();
        }

        @Test
        void theMostRenewalsAllowedStopRenewing() {
            assertThat(renew(MAX_RENEWALS, TODAY.plusDays(5), 0)).get().extracting(Refusal::reason)
                    .isEqualTo("renewal-limit-reached");
        }

        @Test
        void aLoanOverdueWithinTheGracePeriodMayBeRenewedAndOneDayLaterNot() {
            assertThat(renew(0, TODAY.minusDays(GRACE_DAYS), 0)).isEmpty();
            assertThat(renew(0, TODAY.minusDays(GRACE_DAYS + 1), 0)).get().extracting(Refusal::reason)
                    .isEqualTo("renewal-grace-passed");
        }

        @Test
        void anotherMemberWaitingStopsRenewing() {
            Optional<Refusal> refusal = renew(0, TODAY.plusDays(5), 1);
            assertThat(refusal).get().extracting(Refusal::reason).isEqualTo("reserved-by-another-member");
            assertThat(refusal.get().exception()).isInstanceOf(RenewalRefusedException.class)
                    .hasMessageContaining("another member has reserved \"Emma\"");
        }

        @Test
        void aRenewalAddsOneLoanPeriodToTheDueDate() {
            assertThat(LendingRules.renewedDueOn(TODAY.plusDays(4), TODAY, 21)).isEqualTo(TODAY.plusDays(25));
        }

        @Test
        void aLateRenewalCountsTheLoanPeriodFromToday() {
            assertThat(LendingRules.renewedDueOn(TODAY.minusDays(2), TODAY, 21)).isEqualTo(TODAY.plusDays(21));
        }
    }
}
