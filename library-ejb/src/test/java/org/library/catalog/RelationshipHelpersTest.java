package org.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.library.members.Member;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.staff.EmployeeNumber;
import org.library.staff.Librarian;
import org.library.staff.Profile;
import org.library.staff.ProfileContent;

/** The two-sided helpers keep both ends of each relationship in step, in memory. */
class RelationshipHelpersTest {

    private final Author austen = new Author("Jane Austen", 1775, 1817);
    private final Book pride = new Book(Isbn.of("9780141439518"), "Pride and Prejudice", 1813, 2);

    @Test
    void addBookSetsTheBooksAuthorAndListsItOnTheAuthor() {
        austen.addBook(pride);

        assertThat(pride.getAuthor()).isSameAs(austen);
        assertThat(austen.getBooks()).containsExactly(pride);
    }

    @Test
    void addBookToAnotherAuthorMovesItOffThePreviousAuthorsList() {
        Author other = new Author("Someone Else", null, null);
        austen.addBook(pride);

        other.addBook(pride);

        assertThat(pride.getAuthor()).isSameAs(other);
        assertThat(austen.getBooks()).isEmpty();
        assertThat(other.getBooks()).containsExactly(pride);
    }

    @Test
    void addingTheSameBookTwiceListsItOnce() {
        austen.addBook(pride);
        austen.addBook(pride);

        assertThat(austen.getBooks()).hasSize(1);
    }

    @Test
    void borrowAddsBothSidesAndCountsTheCopyOut() {
        Member ada = member("M000001");

        assertThat(ada.borrow(pride)).isTrue();

        assertThat(ada.getBorrowedBooks()).containsExactly(pride);
        assertThat(pride.getBorrowers()).containsExactly(ada);
        assertThat(pride.getOnLoan()).isEqualTo(1);
        assertThat(pride.getAvailable()).isEqualTo(1);
    }

    @Test
    void borrowingABookAlreadyHeldChangesNothing() {
        Member ada = member("M000001");
        ada.borrow(pride);

        assertThat(ada.borrow(pride)).isFalse();

        assertThat(pride.getOnLoan()).isEqualTo(1);
        assertThat(pride.getBorrowers()).hasSize(1);
    }

    @Test
    void giveBackRemovesBothSidesAndFreesTheCopy() {
        Member ada = member("M000001");
        Member bo = member("M000002");
        ada.borrow(pride);
        bo.borrow(pride);

        assertThat(ada.giveBack(pride)).isTrue();

        assertThat(ada.getBorrowedBooks()).isEmpty();
        assertThat(pride.getBorrowers()).containsExactly(bo);
        assertThat(pride.getAvailable()).isEqualTo(1);
        assertThat(ada.giveBack(pride)).as("second return of the same book").isFalse();
        assertThat(pride.getOnLoan()).isEqualTo(1);
    }

    @Test
    void collectionsAreReadOnlyViews() {
        Member ada = member("M000001");
        austen.addBook(pride);

        assertThatThrownBy(() -> austen.getBooks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ada.getBorrowedBooks().add(pride)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> pride.getBorrowers().add(ada)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void putProfileCreatesOneProfileOwnedByTheLibrarianAndReplacesItsContentInPlace() {
        Librarian margaret = new Librarian(EmployeeNumber.of("E1001"), "Margaret Okafor", EmailAddress.of("m@example.org"));

        Profile first = margaret.putProfile(new ProfileContent("bio", "+44 1", "Desk 1"));
        Profile second = margaret.putProfile(new ProfileContent("new bio", null, "Office 2"));

        assertThat(second).isSameAs(first);
        assertThat(first.getLibrarian()).isSameAs(margaret);
        assertThat(margaret.getProfile()).containsSame(first);
        assertThat(first.content()).isEqualTo(new ProfileContent("new bio", null, "Office 2"));
    }

    @Test
    void removeProfileDetachesItFromTheLibrarian() {
        Librarian margaret = new Librarian(EmployeeNumber.of("E1001"), "Margaret Okafor", EmailAddress.of("m@example.org"));
        margaret.putProfile(new ProfileContent("bio", null, null));

        assertThat(margaret.removeProfile()).isTrue();
        assertThat(margaret.getProfile()).isEmpty();
        assertThat(margaret.removeProfile()).isFalse();
    }

    private static Member member(String number) {
        return new Member(MemberNumber.of(number), "Member " + number, EmailAddress.of(number + "@example.org"), LocalDate.of(2024, 1, 1));
    }
}
