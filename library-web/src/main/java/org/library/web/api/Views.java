package org.library.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.library.catalog.Author;
import org.library.catalog.Book;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.circulation.Renewal;
import org.library.members.Member;
import org.library.staff.Librarian;
import org.library.staff.Profile;

/** The JSON shapes of the API: records built from entities, never the entities themselves. */
public final class Views {

    private Views() {
    }

    public record AuthorView(long id, String name, Integer birthYear, Integer deathYear, long version) {
        public static AuthorView of(Author a) {
            return new AuthorView(a.getId(), a.getName(), a.getBirthYear(), a.getDeathYear(), a.getVersion());
        }
    }

    /** A member as other resources refer to it. */
    public record MemberRef(long id, String memberNumber, String name) {
        /** @return null for no member: an anonymised loan's */
        public static MemberRef of(Member m) {
            return m == null ? null : new MemberRef(m.getId(), m.getMemberNumber(), m.getName());
        }
    }

    public record MemberView(long id, String memberNumber, String name, String email, LocalDate joinedOn, boolean active,
                      boolean keepLoanHistory, long version) {
        public static MemberView of(Member m) {
            return new MemberView(m.getId(), m.getMemberNumber(), m.getName(), m.getEmail(), m.getJoinedOn(),
                    m.isActive(), m.isKeepLoanHistory(), m.getVersion());
        }
    }

    /** A book as other resources refer to it. */
    public record BookRef(long id, String isbn, String title, AuthorRef author) {
        public static BookRef of(Book b) {
            return new BookRef(b.getId(), b.getIsbn(), b.getTitle(), AuthorRef.of(b.getAuthor()));
        }
    }

    public record LoanView(long id, MemberRef member, BookRef book, Instant borrowedAt, LocalDate dueOn, Instant returnedAt,
                           int renewals, long daysOverdue) {
        /** @param today the library's today, from the clock the services use */
        public static LoanView of(Loan l, LocalDate today) {
            return new LoanView(l.getId(), MemberRef.of(l.getMember()), BookRef.of(l.getBook()), l.getBorrowedAt(),
                    l.getDueOn(), l.getReturnedAt(), l.getRenewals(), l.daysOverdueOn(today));
        }
    }

    /** A hold: waiting in the book's queue, ready for pickup until pickupBy, or closed. */
    public record HoldView(long id, MemberRef member, BookRef book, Instant placedAt, String status, LocalDate pickupBy,
                           Instant closedAt,
                           @Schema(example = "2", description = "While WAITING: the place in the book's queue, 1 = next in line; "
                                   + "absent otherwise.") Integer queuePosition) {
        public static HoldView of(Hold h) {
            return new HoldView(h.getId(), MemberRef.of(h.getMember()), BookRef.of(h.getBook()), h.getPlacedAt(),
                    h.getStatus().name(), h.getPickupBy(), h.getClosedAt(),
                    h.getStatus() == Hold.Status.WAITING ? h.getQueuePosition() : null);
        }
    }

    /** One loan's answer to "renew all". */
    public record RenewalView(BookRef book,
                              @Schema(required = true) boolean renewed,
                              @Schema(example = "2026-12-27", description = "The new due date; absent when not renewed.") LocalDate dueOn,
                              @Schema(example = "1", description = "Renewals of the loan so far; absent when not renewed.") Integer renewals,
                              @Schema(example = "reserved-by-another-member", description = "Why not, as a stable code; absent when "
                                      + "renewed: renewal-limit-reached, renewal-grace-passed, reserved-by-another-member, book-not-borrowed.")
                              String refusal,
                              @Schema(example = "another member has reserved \"Emma\".", description = "Why not, in words; absent when renewed.")
                              String reason) {
        public static RenewalView of(Renewal r) {
            return new RenewalView(BookRef.of(r.book()), r.renewed(), r.dueOn(),
                    r.renewed() ? r.loan().getRenewals() : null, r.refusal(), r.reason());
        }
    }

    /** What "renew all" did: each open loan of the member, renewed or not. */
    public record RenewalsView(@Schema(example = "1", required = true) int renewed,
                               @Schema(example = "1", required = true) int refused,
                               @Schema(type = SchemaType.ARRAY, implementation = RenewalView.class, required = true)
                               List<RenewalView> loans) {
        public static RenewalsView of(List<Renewal> renewals) {
            int renewed = (int) renewals.stream().filter(Renewal::renewed).count();
            return new RenewalsView(renewed, renewals.size() - renewed, renewals.stream().map(RenewalView::of).toList());
        }
    }

    public record ProfileView(String bio, String phone, String office, long version) {
        public static ProfileView of(Profile p) {
            return new ProfileView(p.getBio(), p.getPhone(), p.getOffice(), p.getVersion());
        }
    }

    public record LibrarianView(long id, String employeeNumber, String name, String email, ProfileView profile, long version) {
        public static LibrarianView of(Librarian l) {
            return new LibrarianView(l.getId(), l.getEmployeeNumber(), l.getName(), l.getEmail(),
                    l.getProfile().map(ProfileView::of).orElse(null), l.getVersion());
        }
    }

    /** A login account, as staff see it; never a hash. */
    /**
     * @param failedLogins   failed logins since the last successful one, from any client
     * @param blockedClients clients blocked from this account now after repeated failures (each
     *                       waits; the owner's own client is not blocked by others' failures)
     * @param locked         locked by staff: no login at all
     */
    public record AccountView(String username, String role, Long librarianId, Long memberId, int failedLogins,
                              long blockedClients, boolean locked, Instant passwordChangedAt) {

        public static AccountView of(org.library.accounts.Account account, long blockedClients) {
            org.library.accounts.Caller caller = account.caller();
            return new AccountView(account.getUsername(), account.getRole().name(), caller.librarianId(), caller.memberId(),
                    account.getFailedLogins(), blockedClients, account.isLocked(), account.getPasswordChangedAt());
        }
    }

    /** Who is calling: their user name, role, and the librarian or member record that is theirs. */
    public record CallerView(String username, String role, Long librarianId, Long memberId) {

        public static CallerView of(org.library.accounts.Caller caller) {
            return new CallerView(caller.username(), caller.role().name(), caller.librarianId(), caller.memberId());
        }
    }
}
