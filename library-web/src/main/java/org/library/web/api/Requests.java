package org.library.web.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.Isbn;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.platform.Limits;
import org.library.staff.EmployeeNumber;
import org.library.staff.LibrarianData;
import org.library.staff.ProfileContent;

/**
 * The JSON bodies the API accepts. They carry no rules of their own: each becomes the service's
 * input record, whose Bean Validation constraints are the one definition of the limits (a
 * violation comes back as a 400 naming the field).
 */
public final class Requests {

    private Requests() {
    }

    @Schema(name = "AuthorInput")
    public record AuthorInput(
            @Schema(example = "Mary Shelley", maxLength = Limits.NAME_LENGTH, required = true) String name,
            @Schema(example = "1797") Integer birthYear,
            @Schema(example = "1851") Integer deathYear) implements ServiceInput {
        @Override
        public AuthorData data() {
            return new AuthorData(name, birthYear, deathYear);
        }
    }

    @Schema(name = "BookInput")
    public record BookInput(
            @Schema(example = "978-0-14-143947-1",
                    description = "ISBN-10 or ISBN-13; stored as ISBN-13. Fixed after creation.", required = true) Isbn isbn,
            @Schema(example = "Frankenstein", maxLength = Book.TITLE_LENGTH, required = true) String title,
            @Schema(example = "1818") Integer publicationYear,
            @Schema(example = "3", minimum = "1", maximum = "" + Book.COPIES_MAX, required = true) Integer copies,
            @Schema(example = "12", required = true) Long authorId) implements ServiceInput {
        @Override
        public BookData data() {
            return new BookData(isbn, title, publicationYear, copies, authorId);
        }
    }

    @Schema(name = "MemberInput")
    public record MemberInput(
            @Schema(example = "M000200",
                    description = "M and six digits, in either case; stored in upper case. Fixed after creation.",
                    required = true) MemberNumber memberNumber,
            @Schema(example = "Grace Hopper", maxLength = Limits.NAME_LENGTH, required = true) String name,
            @Schema(example = "grace.hopper@example.org",
                    description = "Stored in lower case.", required = true) EmailAddress email,
            @Schema(example = "2026-11-25", description = "Defaults to today when registering; required when changing (PUT replaces the whole record).") LocalDate joinedOn,
            @Schema(example = "true", description = "Defaults to true when registering; required when changing; false deactivates the card.") Boolean active) implements ServiceInput {
        @Override
        public MemberData data() {
            return new MemberData(memberNumber, name, email, joinedOn, active);
        }
    }

    /** A member's own new e-mail address ({@code PUT /me/email}). */
    @Schema(name = "EmailChange")
    public record EmailChange(
            @Schema(example = "grace.hopper@example.org", description = "Stored in lower case.", required = true) EmailAddress email) {
    }

    @Schema(name = "LibrarianInput")
    public record LibrarianInput(
            @Schema(example = "E2001",
                    description = "E and four to six digits, in either case; stored in upper case. Fixed after creation.",
                    required = true) EmployeeNumber employeeNumber,
            @Schema(example = "Melvil Dewey", required = true) String name,
            @Schema(example = "melvil.dewey@library.example.org",
                    description = "Stored in lower case.", required = true) EmailAddress email) implements ServiceInput {
        @Override
        public LibrarianData data() {
            return new LibrarianData(employeeNumber, name, email);
        }
    }

    @Schema(name = "NewLibrarian", description = "A librarian, optionally with the profile.")
    public record NewLibrarian(
            @Schema(example = "E2001",
                    description = "E and four to six digits, in either case; stored in upper case.", required = true)
            EmployeeNumber employeeNumber,
            @Schema(example = "Melvil Dewey", required = true) String name,
            @Schema(example = "melvil.dewey@library.example.org",
                    description = "Stored in lower case.", required = true) EmailAddress email,
            ProfileInput profile) implements ServiceInput {
        @Override
        public LibrarianData data() {
            return new LibrarianData(employeeNumber, name, email);
        }

        ProfileContent profileContent() {
            return profile == null ? null : profile.content();
        }
    }

    @Schema(name = "ProfileInput")
    public record ProfileInput(
            @Schema(example = "Looks after the map collection.", maxLength = ProfileContent.BIO_LENGTH) String bio,
            @Schema(example = "+44 20 7946 0199", maxLength = ProfileContent.PHONE_LENGTH) String phone,
            @Schema(example = "Map room, second floor", maxLength = ProfileContent.OFFICE_LENGTH) String office) {
        ProfileContent content() {
            return new ProfileContent(bio, phone, office);
        }
    }

    /** The member's choice about their returned loans after the anonymisation period. */
    @Schema(name = "LoanHistoryChoice")
    public record LoanHistoryChoice(@Schema(example = "true", required = true,
            description = "true: keep my returned loans named; false: anonymise them after the library's period") Boolean keep) {
    }

    @Schema(name = "BorrowRequest")
    public record BorrowRequest(@Schema(example = "7", required = true) Long bookId) {
    }

    /** A new login account: user name and first password. */
    public record NewAccount(@Schema(example = "m000101", required = true) String username,
                             @Schema(example = "correct horse battery", required = true) String password) {

        public org.library.accounts.AccountData data() {
            return new org.library.accounts.AccountData(username, password);
        }

        @Override
        public String toString() {
            return "NewAccount[" + username + "]";
        }
    }

    /** The owner's password change: the current password proves it is them. */
    public record PasswordChange(@Schema(required = true, example = "the passphrase used today") String currentPassword,
                                 @Schema(required = true, example = "four words nobody would guess") String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    /** Staff set a new password (a forgotten one, or to lift a lock). */
    public record PasswordReset(@Schema(required = true, example = "four words nobody would guess") String newPassword) {

        @Override
        public String toString() {
            return "PasswordReset";
        }
    }
}
