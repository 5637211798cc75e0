package org.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.AuthorHasBooksException;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.BookOnLoanException;
import org.library.catalog.CatalogService;
import org.library.catalog.CopiesBelowOnLoanException;
import org.library.catalog.DuplicateIsbnException;
import org.library.catalog.Isbn;
import org.library.circulation.AlreadyHoldsBookException;
import org.library.circulation.CirculationPolicy;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.circulation.Loan;
import org.library.circulation.MemberInactiveException;
import org.library.circulation.NoCopyAvailableException;
import org.library.circulation.NotBorrowedException;
import org.library.members.DuplicateEmailException;
import org.library.members.DuplicateMemberNumberException;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberHoldsBooksException;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.StaleVersionException;
import org.library.staff.EmployeeNumber;
import org.library.staff.Librarian;
import org.library.staff.LibrarianData;
import org.library.staff.Profile;
import org.library.staff.ProfileContent;
import org.library.staff.StaffService;
import org.library.testing.ActingAsStaff;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The three relationships navigated both ways through the services, and every business rule the
 * services enforce, in the real container on the real Derby database.
 */
@ExtendWith(ActingAsStaff.class)
class RelationshipsIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    StaffService staff;

    @Inject
    CirculationPolicy policy;

    /** The library's: "today" is the library's day (library.time-zone), not the server JVM's. */
    @Inject
    Clock clock;

    // ---- Author 1:N Book ------------------------------------------------------------------

    @Test
    void authorListsItsBooksAndEachBookNamesItsAuthor() {
        Author author = catalog.createAuthor(new AuthorData("Elizabeth Gaskell", 1810, 1865));
        Book first = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "North and South", 1854, 2, author.getId()));
        Book second = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Cranford", 1853, 1, author.getId()));

        Author loaded = catalog.authorWithBooks(author.getId());

        assertThat(loaded.getBooks()).extracting(Book::getTitle).containsExactly("Cranford", "North and South");
        assertThat(catalog.book(first.getId()).getAuthor().getId()).isEqualTo(author.getId());
        assertThat(catalog.book(second.getId()).getAuthor().getName()).isEqualTo("Elizabeth Gaskell");
    }

    @Test
    void movingABookToAnotherAuthorUpdatesBothAuthorsLists() {
        Author wrong = catalog.createAuthor(new AuthorData("Wrong Author", null, null));
        Author right = catalog.createAuthor(new AuthorData("Anne Brontë", 1820, 1849));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Agnes Grey", 1847, 1, wrong.getId()));

        catalog.updateBook(book.getId(), book.getVersion(), new BookData(Isbn.of(book.getIsbn()), "Agnes Grey", 1847, 1, right.getId()));

        assertThat(catalog.authorWithBooks(wrong.getId()).getBooks()).isEmpty();
        assertThat(catalog.authorWithBooks(right.getId()).getBooks()).extracting(Book::getTitle).containsExactly("Agnes Grey");
    }

    @Test
    void anIsbn10IsStoredAsItsIsbn13AndTheOtherFormIsADuplicate() {
        Author author = catalog.createAuthor(new AuthorData("Isbn Tester", null, null));
        String isbn10 = TestData.isbn10();

        Book book = catalog.createBook(new BookData(Isbn.of(isbn10), "Any Title", null, 1, author.getId()));

        assertThat(book.getIsbn()).hasSize(13).startsWith("978").contains(isbn10.substring(0, 9));
        assertThat(catalog.findByIsbn(Isbn.of(book.getIsbn()))).isPresent();
        assertThatThrownBy(() -> catalog.createBook(new BookData(Isbn.of(book.getIsbn()), "Copy", null, 1, author.getId())))
                .isInstanceOf(DuplicateIsbnException.class).hasMessageContaining(book.getIsbn());
    }

    @Test
    void anAuthorWithBooksCannotBeDeletedAndStaysIntact() {
        Author author = catalog.createAuthor(new AuthorData("Wilkie Collins", 1824, 1889));
        catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "The Moonstone", 1868, 1, author.getId()));

        assertThatThrownBy(() -> catalog.deleteAuthor(author.getId(), null))
                .isInstanceOf(AuthorHasBooksException.class).hasMessageContaining("still has 1 book");
        assertThat(catalog.authorWithBooks(author.getId()).getBooks()).hasSize(1);
    }

    @Test
    void anAuthorWithoutBooksIsDeleted() {
        Author author = catalog.createAuthor(new AuthorData("Nobody Yet", null, null));

        catalog.deleteAuthor(author.getId(), author.getVersion());

        assertThatThrownBy(() -> catalog.author(author.getId())).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aBookNeedsAnExistingAuthor() {
        assertThatThrownBy(() -> catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Orphan", null, 1, Long.MAX_VALUE)))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("author");
    }

    @Test
    void invalidInputIsRefusedByBeanValidationBeforeAnythingIsWritten() {
        Author author = catalog.createAuthor(new AuthorData("Validator", null, null));
        long before = catalog.authorWithBooks(author.getId()).getBooks().size();

        // a missing ISBN: one that is not an ISBN never gets this far (its door refuses it, NaturalKeyInputsIT)
        assertThatThrownBy(() -> catalog.createBook(new BookData(null, " ", null, 0, author.getId())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("copies", "isbn", "title"));
        assertThat(catalog.authorWithBooks(author.getId()).getBooks()).hasSize((int) before);
    }

    @Test
    void aStaleVersionIsRefusedAndTheNewerChangeKept() {
        Author author = catalog.createAuthor(new AuthorData("Version One", null, null));
        long seen = author.getVersion();
        catalog.updateAuthor(author.getId(), seen, new AuthorData("Version Two", null, null));

        assertThatThrownBy(() -> catalog.updateAuthor(author.getId(), seen, new AuthorData("Lost Update", null, null)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(catalog.author(author.getId()).getName()).isEqualTo("Version Two");
    }

    // ---- Member M:N Book (borrows) and the loan ledger ------------------------------------

    @Test
    void borrowingShowsOnBothSidesAndOpensALoanWithADueDate() {
        Book book = newBook(2);
        Member ada = newMember("Ada");
        Member bo = newMember("Bo");

        Loan loan = circulation.borrow(ada.getId(), book.getId());
        circulation.borrow(bo.getId(), book.getId());

        assertThat(members.borrowedBooks(ada.getId())).extracting(Book::getId).containsExactly(book.getId());
        assertThat(catalog.borrowers(book.getId())).extracting(Member::getId)
                .containsExactlyInAnyOrder(ada.getId(), bo.getId());
        assertThat(catalog.book(book.getId()).getAvailable()).isZero();
        assertThat(loan.isOpen()).isTrue();
        assertThat(loan.getDueOn()).isEqualTo(LocalDate.now(clock).plusDays(policy.loanPeriodDays()));
        assertThat(queries.history(ada.getId())).extracting(Loan::getId).containsExactly(loan.getId());
    }

    @Test
    void returningRemovesTheBorrowOnBothSidesAndClosesTheLoan() {
        Book book = newBook(1);
        Member ada = newMember("Ada");
        circulation.borrow(ada.getId(), book.getId());

        Loan closed = circulation.giveBack(ada.getId(), book.getId());

        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.getReturnedAt()).isAfterOrEqualTo(closed.getBorrowedAt());
        assertThat(members.borrowedBooks(ada.getId())).isEmpty();
        assertThat(catalog.borrowers(book.getId())).isEmpty();
        assertThat(catalog.book(book.getId()).getAvailable()).isEqualTo(1);
        assertThat(queries.history(ada.getId())).singleElement().satisfies(l -> assertThat(l.isOpen()).isFalse());
    }

    @Test
    void aMemberCannotHoldTheSameBookTwice() {
        Book book = newBook(3);
        Member ada = newMember("Ada");
        circulation.borrow(ada.getId(), book.getId());

        assertThatThrownBy(() -> circulation.borrow(ada.getId(), book.getId()))
                .isInstanceOf(AlreadyHoldsBookException.class).hasMessageContaining("already holds");
        assertThat(catalog.book(book.getId()).getOnLoan()).isEqualTo(1);
        assertThat(queries.history(ada.getId())).hasSize(1);
    }

    @Test
    void noCopyLeftRefusesTheBorrowAndChangesNothing() {
        Book book = newBook(1);
        Member ada = newMember("Ada");
        Member bo = newMember("Bo");
        circulation.borrow(ada.getId(), book.getId());

        assertThatThrownBy(() -> circulation.borrow(bo.getId(), book.getId()))
                .isInstanceOf(NoCopyAvailableException.class).hasMessageContaining(book.getTitle());
        assertThat(members.borrowedBooks(bo.getId())).isEmpty();
        assertThat(queries.history(bo.getId())).isEmpty();
    }

    @Test
    void returningABookNotHeldIsRefused() {
        Book book = newBook(1);
        Member ada = newMember("Ada");

        assertThatThrownBy(() -> circulation.giveBack(ada.getId(), book.getId()))
                .isInstanceOf(NotBorrowedException.class).hasMessageContaining("does not hold");
    }

    @Test
    void anInactiveMemberCannotBorrow() {
        Book book = newBook(1);
        Member ada = newMember("Ada");
        members.update(ada.getId(), null,
                new MemberData(MemberNumber.of(ada.getMemberNumber()), ada.getName(), EmailAddress.of(ada.getEmail()), ada.getJoinedOn(), false));

        assertThatThrownBy(() -> circulation.borrow(ada.getId(), book.getId()))
                .isInstanceOf(MemberInactiveException.class);
        assertThat(catalog.book(book.getId()).getOnLoan()).isZero();
    }

    @Test
    void aBookOnLoanCannotBeDeletedNorShrunkBelowTheCopiesOut() {
        Book book = newBook(2);
        Member ada = newMember("Ada");
        Member bo = newMember("Bo");
        circulation.borrow(ada.getId(), book.getId());
        circulation.borrow(bo.getId(), book.getId());
        Book current = catalog.book(book.getId());

        assertThatThrownBy(() -> catalog.deleteBook(book.getId(), null)).isInstanceOf(BookOnLoanException.class);
        assertThatThrownBy(() -> catalog.updateBook(book.getId(), null,
                new BookData(Isbn.of(book.getIsbn()), book.getTitle(), null, 1, current.getAuthor().getId())))
                .isInstanceOf(CopiesBelowOnLoanException.class);
        assertThat(catalog.book(book.getId()).getCopies()).isEqualTo(2);
    }

    @Test
    void aReturnedBookIsDeletedWithItsLoanHistory() {
        Book book = newBook(1);
        Member ada = newMember("Ada");
        circulation.borrow(ada.getId(), book.getId());
        circulation.giveBack(ada.getId(), book.getId());

        catalog.deleteBook(book.getId(), null);

        assertThatThrownBy(() -> catalog.book(book.getId())).isInstanceOf(RecordNotFoundException.class);
        assertThat(queries.history(ada.getId())).isEmpty();
    }

    @Test
    void aMemberHoldingBooksCannotBeDeletedAndOneWhoReturnedThemCan() {
        Book book = newBook(1);
        Member ada = newMember("Ada");
        circulation.borrow(ada.getId(), book.getId());

        assertThatThrownBy(() -> members.delete(ada.getId(), null)).isInstanceOf(MemberHoldsBooksException.class);

        circulation.giveBack(ada.getId(), book.getId());
        members.delete(ada.getId(), null);
        assertThatThrownBy(() -> members.member(ada.getId())).isInstanceOf(RecordNotFoundException.class);
        assertThat(catalog.borrowers(book.getId())).isEmpty();
    }

    @Test
    void memberNumbersAndEmailsAreUnique() {
        Member ada = newMember("Ada");

        assertThatThrownBy(() -> members.create(new MemberData(MemberNumber.of(ada.getMemberNumber()), "Other", EmailAddress.of(TestData.email("other")),
                null, true))).isInstanceOf(DuplicateMemberNumberException.class);
        assertThatThrownBy(() -> members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Other",
                EmailAddress.of(ada.getEmail().toUpperCase()), null, true))).isInstanceOf(DuplicateEmailException.class);
    }

    // ---- Librarian 1:1 Profile ------------------------------------------------------------

    @Test
    void aLibrarianAndItsProfileNavigateToEachOther() {
        Librarian created = staff.create(new LibrarianData(EmployeeNumber.of(TestData.employeeNumber()), "Iris Vance", EmailAddress.of(TestData.email("iris"))),
                new ProfileContent("Reference desk", "+44 20 1234", "Desk 3"));

        Librarian loaded = staff.librarian(created.getId());
        Profile profile = loaded.getProfile().orElseThrow();

        assertThat(profile.getLibrarian().getId()).isEqualTo(created.getId());
        assertThat(staff.profile(created.getId()).getOffice()).isEqualTo("Desk 3");
    }

    @Test
    void puttingAProfileTwiceReplacesTheContentOfTheOneProfile() {
        Librarian librarian = staff.create(new LibrarianData(EmployeeNumber.of(TestData.employeeNumber()), "Noor Haddad", EmailAddress.of(TestData.email("noor"))), null);

        Profile first = staff.putProfile(librarian.getId(), null, new ProfileContent("first", null, "A"));
        Profile second = staff.putProfile(librarian.getId(), first.getVersion(), new ProfileContent("second", null, "B"));

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(staff.profile(librarian.getId()).content()).isEqualTo(new ProfileContent("second", null, "B"));
        assertThatThrownBy(() -> staff.putProfile(librarian.getId(), first.getVersion(), new ProfileContent("stale", null, null)))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void removingTheProfileLeavesTheLibrarianAndDeletingTheLibrarianRemovesTheProfile() {
        Librarian librarian = staff.create(new LibrarianData(EmployeeNumber.of(TestData.employeeNumber()), "Oskar Lind", EmailAddress.of(TestData.email("oskar"))),
                new ProfileContent("bio", null, null));

        staff.removeProfile(librarian.getId(), null);
        assertThat(staff.librarian(librarian.getId()).getProfile()).isEmpty();
        assertThatThrownBy(() -> staff.profile(librarian.getId())).isInstanceOf(RecordNotFoundException.class);

        staff.putProfile(librarian.getId(), null, new ProfileContent("again", null, null));
        staff.delete(librarian.getId(), null);
        assertThatThrownBy(() -> staff.librarian(librarian.getId())).isInstanceOf(RecordNotFoundException.class);
    }

    private Book newBook(int copies) {
        Author author = catalog.createAuthor(new AuthorData("Author of " + copies, null, null));
        return catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "Title " + TestData.isbn(), 1900, copies, author.getId()));
    }

    private Member newMember(String name) {
        return members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), name, EmailAddress.of(TestData.email(name)), null, true));
    }
}
