package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.BookOnHoldException;
import org.library.catalog.CatalogService;
import org.library.catalog.CopiesBelowOnLoanException;
import org.library.catalog.Isbn;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberHasHoldsException;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.testing.ActingAsStaff;
import org.library.testing.DeployedWith;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The circulation rules with their default settings — loan period, loan limit, overdue block,
 * renewals, the hold queue with set-aside copies and pickup expiry — on the real container and
 * database, with a clock the test moves forward.
 */
@DeployedWith(MovableClock.class)
@ExtendWith(ActingAsStaff.class)
class CirculationRulesIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    CirculationPolicy policy;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/library")
    DataSource dataSource;

    @AfterEach
    void backToToday() {
        MovableClock.reset();
    }

    @Test
    void theDefaultsAreThoseTheReadmeDocuments() {
        assertThat(List.of(policy.loanPeriodDays(), policy.maxLoans(), policy.maxRenewals(), policy.renewalGraceDays(),
                policy.holdPickupDays(), policy.maxHolds())).containsExactly(21, 5, 2, 3, 3, 10);
    }

    @Test
    void aMemberMayHaveAtMostTheLimitOfHoldsWaitingOrReady() {
        Member ada = member();
        Member holder = member();
        for (int i = 0; i < policy.maxHolds(); i++) {
            if (i > 0 && i % policy.maxLoans() == 0) {
                holder = member(); // each holder within their own loan limit
            }
            Book out = book(1);
            circulation.borrow(holder.getId(), out.getId());
            circulation.placeHold(ada.getId(), out.getId());
        }
        Book oneMore = book(1);
        circulation.borrow(member().getId(), oneMore.getId());

        assertThatThrownBy(() -> circulation.placeHold(ada.getId(), oneMore.getId()))
                .isInstanceOf(HoldLimitReachedException.class).hasMessageContaining("the most a member may have");
        assertThat(queries.queue(oneMore.getId())).isEmpty();

        Hold first = queries.holds(ada.getId()).get(0);
        circulation.cancelHold(ada.getId(), first.getId());
        assertThat(circulation.placeHold(ada.getId(), oneMore.getId()).getStatus()).isEqualTo(Hold.Status.WAITING);
    }

    @Test
    void aMemberHoldsAtMostTheLimitAtOnce() {
        Member ada = member();
        for (int i = 0; i < policy.maxLoans(); i++) {
            circulation.borrow(ada.getId(), book(1).getId());
        }
        Book oneMore = book(1);

        assertThatThrownBy(() -> circulation.borrow(ada.getId(), oneMore.getId()))
                .isInstanceOf(LoanLimitReachedException.class).hasMessageContaining("the most a member may hold");
        assertThat(catalog.book(oneMore.getId()).getAvailable()).isEqualTo(1);
    }

    @Test
    void aMemberWithAnOverdueLoanCannotBorrowUntilItIsReturned() {
        Member ada = member();
        Book first = book(1);
        circulation.borrow(ada.getId(), first.getId());
        MovableClock.advanceDays(policy.loanPeriodDays() + 1L);
        Book second = book(1);

        assertThatThrownBy(() -> circulation.borrow(ada.getId(), second.getId()))
                .isInstanceOf(MemberHasOverdueLoansException.class).hasMessageContaining("1 overdue loan");
        assertThat(queries.history(ada.getId()).get(0).isOverdueOn(LocalDate.now(clock)))
                .isTrue();

        circulation.giveBack(ada.getId(), first.getId());
        assertThat(circulation.borrow(ada.getId(), second.getId()).isOpen()).isTrue();
    }

    @Test
    void aRenewalExtendsTheDueDateByALoanPeriodAtMostTheAllowedNumberOfTimes() {
        Member ada = member();
        Book book = book(1);
        Loan loan = circulation.borrow(ada.getId(), book.getId());

        Loan renewed = circulation.renew(ada.getId(), book.getId());
        assertThat(renewed.getDueOn()).isEqualTo(loan.getDueOn().plusDays(policy.loanPeriodDays()));
        circulation.renew(ada.getId(), book.getId());

        assertThatThrownBy(() -> circulation.renew(ada.getId(), book.getId()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("2 times already");
    }

    @Test
    void aLoanOverduePastTheGracePeriodCannotBeRenewedButWithinItCan() {
        Member ada = member();
        Book late = book(1);
        Book lateButGraced = book(1);
        circulation.borrow(ada.getId(), late.getId());
        circulation.borrow(ada.getId(), lateButGraced.getId());

        MovableClock.advanceDays(policy.loanPeriodDays() + policy.renewalGraceDays());
        assertThat(circulation.renew(ada.getId(), lateButGraced.getId()).getRenewals()).isEqualTo(1);
        MovableClock.advanceDays(1);
        assertThatThrownBy(() -> circulation.renew(ada.getId(), late.getId()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("please return it");
    }

    @Test
    void aBookReservedByAnotherMemberCannotBeRenewed() {
        Member ada = member();
        Member bo = member();
        Book book = book(1);
        circulation.borrow(ada.getId(), book.getId());
        circulation.placeHold(bo.getId(), book.getId());

        assertThatThrownBy(() -> circulation.renew(ada.getId(), book.getId()))
                .isInstanceOf(RenewalRefusedException.class).hasMessageContaining("reserved");
    }

    @Test
    void aHoldIsRefusedWhileACopyIsOnTheShelfOrTheMemberHasTheBook() {
        Member ada = member();
        Member bo = member();
        Book book = book(2);

        assertThatThrownBy(() -> circulation.placeHold(ada.getId(), book.getId()))
                .isInstanceOf(HoldRefusedException.class).hasMessageContaining("on the shelf");
        circulation.borrow(ada.getId(), book.getId());
        circulation.borrow(bo.getId(), book.getId());
        assertThatThrownBy(() -> circulation.placeHold(ada.getId(), book.getId()))
                .isInstanceOf(HoldRefusedException.class).hasMessageContaining("holds");
    }

    @Test
    void aReturnedCopyGoesToTheFirstInTheQueueAndNobodyElseCanTakeIt() {
        Member holder = member();
        Member first = member();
        Member second = member();
        Member walkIn = member();
        Book book = book(1);
        circulation.borrow(holder.getId(), book.getId());
        Hold firstHold = circulation.placeHold(first.getId(), book.getId());
        Hold secondHold = circulation.placeHold(second.getId(), book.getId());
        assertThat(queries.queue(book.getId())).extracting(Hold::getId)
                .containsExactly(firstHold.getId(), secondHold.getId());
        assertThatThrownBy(() -> circulation.placeHold(first.getId(), book.getId()))
                .isInstanceOf(HoldRefusedException.class).hasMessageContaining("already");

        circulation.giveBack(holder.getId(), book.getId());

        Book afterReturn = catalog.book(book.getId());
        assertThat(afterReturn.getOnHold()).isEqualTo(1);
        assertThat(afterReturn.getAvailable()).isZero();
        assertThat(status(first, book)).isEqualTo(Hold.Status.READY);
        assertThat(queries.holds(first.getId()).get(0).getPickupBy())
                .isEqualTo(LocalDate.now(clock).plusDays(policy.holdPickupDays()));
        assertThatThrownBy(() -> circulation.borrow(walkIn.getId(), book.getId())).isInstanceOf(NoCopyAvailableException.class);
        assertThatThrownBy(() -> circulation.borrow(second.getId(), book.getId())).isInstanceOf(NoCopyAvailableException.class);

        circulation.borrow(first.getId(), book.getId());
        assertThat(status(first, book)).isEqualTo(Hold.Status.FULFILLED);
        assertThat(catalog.book(book.getId()).getOnHold()).isZero();
        assertThat(queries.queue(book.getId())).extracting(Hold::getId).containsExactly(secondHold.getId());
    }

    @Test
    void anUncollectedCopyPassesToTheNextInLineThenBackToTheShelf() {
        Member holder = member();
        Member first = member();
        Member second = member();
        Book book = book(1);
        circulation.borrow(holder.getId(), book.getId());
        circulation.placeHold(first.getId(), book.getId());
        circulation.placeHold(second.getId(), book.getId());
        circulation.giveBack(holder.getId(), book.getId());

        MovableClock.advanceDays(policy.holdPickupDays() + 1L);
        assertThat(circulation.expireHolds()).isGreaterThanOrEqualTo(1);
        assertThat(status(first, book)).isEqualTo(Hold.Status.EXPIRED);
        assertThat(status(second, book)).isEqualTo(Hold.Status.READY);

        MovableClock.advanceDays(policy.holdPickupDays() + 1L);
        circulation.expireHolds();
        assertThat(status(second, book)).isEqualTo(Hold.Status.EXPIRED);
        Book back = catalog.book(book.getId());
        assertThat(back.getOnHold()).isZero();
        assertThat(back.getAvailable()).isEqualTo(1);
    }

    @Test
    void copiesAddedToABookGoToTheMembersWaitingForItFirst() {
        Member holder = member();
        Member first = member();
        Member second = member();
        Book book = book(1);
        circulation.borrow(holder.getId(), book.getId());
        circulation.placeHold(first.getId(), book.getId());
        circulation.placeHold(second.getId(), book.getId());
        Book current = catalog.book(book.getId());

        catalog.updateBook(book.getId(), null, new BookData(Isbn.of(current.getIsbn()), current.getTitle(), null, 4,
                current.getAuthor().getId()));

        assertThat(status(first, book)).isEqualTo(Hold.Status.READY);
        assertThat(status(second, book)).isEqualTo(Hold.Status.READY);
        Book after = catalog.book(book.getId());
        assertThat(List.of(after.getOnLoan(), after.getOnHold(), after.getAvailable())).containsExactly(1, 2, 1);
    }

    @Test
    void cancellingAReadyHoldPassesItsCopyToTheNextInLine() {
        Member holder = member();
        Member first = member();
        Member second = member();
        Book book = book(1);
        circulation.borrow(holder.getId(), book.getId());
        Hold firstHold = circulation.placeHold(first.getId(), book.getId());
        circulation.placeHold(second.getId(), book.getId());
        circulation.giveBack(holder.getId(), book.getId());

        circulation.cancelHold(first.getId(), firstHold.getId());

        assertThat(status(first, book)).isEqualTo(Hold.Status.CANCELLED);
        assertThat(status(second, book)).isEqualTo(Hold.Status.READY);
        assertThatThrownBy(() -> circulation.cancelHold(first.getId(), firstHold.getId()))
                .isInstanceOf(HoldNotActiveException.class);
    }

    @Test
    void booksAndMembersWithActiveHoldsCannotBeDeletedNorCopiesCutBelowWhatIsOutOrSetAside() {
        Member lender = member();
        Member returner = member();
        Member waiting = member();
        Book book = book(2);
        circulation.borrow(lender.getId(), book.getId());
        circulation.borrow(returner.getId(), book.getId());
        circulation.placeHold(waiting.getId(), book.getId());
        circulation.giveBack(returner.getId(), book.getId());
        Book current = catalog.book(book.getId());
        assertThat(List.of(current.getOnLoan(), current.getOnHold())).containsExactly(1, 1);

        assertThatThrownBy(() -> catalog.deleteBook(book.getId(), null)).isInstanceOf(org.library.catalog.BookOnLoanException.class);
        circulation.giveBack(lender.getId(), book.getId());
        assertThatThrownBy(() -> catalog.deleteBook(book.getId(), null)).isInstanceOf(BookOnHoldException.class);
        assertThatThrownBy(() -> members.delete(waiting.getId(), null)).isInstanceOf(MemberHasHoldsException.class);
        circulation.borrow(lender.getId(), book.getId());
        assertThatThrownBy(() -> catalog.updateBook(book.getId(), null, new BookData(Isbn.of(current.getIsbn()), current.getTitle(),
                null, 1, current.getAuthor().getId()))).isInstanceOf(CopiesBelowOnLoanException.class);
        assertThat(catalog.book(book.getId()).getCopies()).isEqualTo(2);
    }

    @Test
    void aReturnThatFailsHalfWayChangesNothing() throws SQLException {
        Member ada = member();
        Book book = book(1);
        circulation.borrow(ada.getId(), book.getId());
        // break the association behind the application's back: the return closes the loan, then
        // finds no borrows row to delete and fails
        update("DELETE FROM borrows WHERE member_id = " + ada.getId() + " AND book_id = ?", book.getId());

        assertThatThrownBy(() -> circulation.giveBack(ada.getId(), book.getId())).isInstanceOf(Exception.class);

        assertThat(queries.history(ada.getId())).singleElement().satisfies(l -> assertThat(l.isOpen()).isTrue());
        assertThat(catalog.book(book.getId()).getOnLoan()).isEqualTo(1);
    }

    private Hold.Status status(Member member, Book book) {
        return queries.holds(member.getId()).stream().filter(h -> h.getBook().getId().equals(book.getId()))
                .findFirst().orElseThrow().getStatus();
    }

    @Test
    void renewAllAnswersEveryLoanAndARefusalUndoesNoRenewal() {
        Member ada = member();
        Member waiting = member();
        Book renewable = book(1);
        Book reserved = book(1);
        Book renewedOut = book(1);
        LocalDate due = circulation.borrow(ada.getId(), renewable.getId()).getDueOn();
        circulation.borrow(ada.getId(), reserved.getId());
        circulation.borrow(ada.getId(), renewedOut.getId());
        circulation.placeHold(waiting.getId(), reserved.getId());
        for (int i = 0; i < policy.maxRenewals(); i++) {
            circulation.renew(ada.getId(), renewedOut.getId());
        }

        List<Renewal> answers = circulation.renewAll(ada.getId());

        assertThat(answers).extracting(r -> r.book().getId())
                .containsExactlyInAnyOrder(renewable.getId(), reserved.getId(), renewedOut.getId());
        Renewal renewed = answer(answers, renewable);
        assertThat(renewed.renewed()).isTrue();
        assertThat(renewed.dueOn()).isEqualTo(due.plusDays(policy.loanPeriodDays()));
        assertThat(renewed.refusal()).isNull();
        assertThat(answer(answers, reserved)).extracting(Renewal::renewed, Renewal::refusal)
                .containsExactly(false, "reserved-by-another-member");
        assertThat(answer(answers, reserved).reason()).startsWith("another member has reserved");
        assertThat(answer(answers, renewedOut)).extracting(Renewal::renewed, Renewal::refusal)
                .containsExactly(false, "renewal-limit-reached");
        // committed as answered: the renewal stands beside the two refusals
        List<Loan> open = queries.history(ada.getId()).stream().filter(Loan::isOpen).toList();
        assertThat(open).filteredOn(l -> l.getBook().getId().equals(renewable.getId()))
                .extracting(Loan::getRenewals, Loan::getDueOn).containsExactly(org.assertj.core.groups.Tuple.tuple(1, due.plusDays(policy.loanPeriodDays())));
        assertThat(open).filteredOn(l -> l.getBook().getId().equals(reserved.getId())).extracting(Loan::getRenewals).containsExactly(0);
        assertThat(open).filteredOn(l -> l.getBook().getId().equals(renewedOut.getId())).extracting(Loan::getRenewals)
                .containsExactly(policy.maxRenewals());

        assertThat(circulation.renewAll(member().getId())).as("nothing out, nothing to say").isEmpty();
    }

    @Test
    void aHoldIsPlacedWithItsPlaceInTheQueueWhichMovesUpAsOthersLeave() {
        Book book = book(1);
        circulation.borrow(member().getId(), book.getId());
        Member first = member();
        Member second = member();
        Member third = member();
        Hold firstHold = circulation.placeHold(first.getId(), book.getId());
        assertThat(firstHold.getQueuePosition()).isEqualTo(1);
        assertThat(circulation.placeHold(second.getId(), book.getId()).getQueuePosition()).isEqualTo(2);
        assertThat(circulation.placeHold(third.getId(), book.getId()).getQueuePosition()).isEqualTo(3);

        circulation.cancelHold(first.getId(), firstHold.getId());
        assertThat(queries.holds(third.getId()).get(0).getQueuePosition()).isEqualTo(2);
        assertThat(queries.holds(first.getId()).get(0).getQueuePosition()).as("no longer in line").isNull();
        assertThat(queries.queue(book.getId())).extracting(Hold::getQueuePosition).containsExactly(1, 2);
    }

    private static Renewal answer(List<Renewal> answers, Book book) {
        return answers.stream().filter(r -> r.book().getId().equals(book.getId())).findFirst().orElseThrow();
    }

    private Book book(int copies) {
        Author author = catalog.createAuthor(new AuthorData("Rules Author", null, null));
        return catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Rules " + TestData.isbn(), null, copies, author.getId()));
    }

    private Member member() {
        return members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Rules Reader", EmailAddress.of(TestData.email("rules")), null, true));
    }

    private void update(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
