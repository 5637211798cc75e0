package org.library.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.library.accounts.AccountService;
import org.library.catalog.AuthorData;
import org.library.catalog.BookFilter;
import org.library.catalog.CatalogService;
import org.library.circulation.CirculationQueries;
import org.library.circulation.CirculationService;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.AccessDeniedException;
import org.library.platform.EmailAddress;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;
import org.library.testing.ActingAsStaff;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * The services check their callers' roles themselves, whatever door the call came through: called
 * directly in the container — no REST access filter, no page constraint in front — a write needs
 * a staff identity, a member reaches only what members may, nobody reaches more than the
 * catalogue, and nobody changes someone else's password through the owner's way of changing it.
 */
class ServiceAccessIT extends LibraryInContainerTest {

    private static final Identity MEMBER = new Identity("m000101", Set.of(Roles.CARD_HOLDER));

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Inject
    CirculationQueries queries;

    @Inject
    AccountService accounts;

    @Test
    void nobodyReadsTheCatalogueButWritesNothingAndSeesNoMember() {
        assertThat(Identity.current()).isEmpty();
        assertThat(catalog.books(BookFilter.ALL, PageRequest.first(5), SortOrder.asc("title")).items()).isNotEmpty();
        assertThat(queries.statistics().titles()).isPositive();

        assertThatThrownBy(() -> catalog.createAuthor(new AuthorData("Anonymous Author", null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Log in first");
        assertThatThrownBy(() -> members.member(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> circulation.borrow(1, 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMemberReachesWhatMembersMayAndNoStaffOperation() {
        try (Identity.Scope as = Identity.enter(MEMBER)) {
            assertThat(queries.history(1)).isNotNull();
            assertThatThrownBy(() -> members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Self-Made", EmailAddress.of(TestData.email("self")), null, true)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("staff");
            assertThatThrownBy(() -> circulation.borrow(1, 1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.resetPassword("admin", "Taken-Over-12345")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.setPassword("admin", "Taken-Over-12345"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only your own password");
        }
    }

    @Test
    void staffMayWrite() throws Exception {
        Long id = ActingAsStaff.run(() -> catalog.createAuthor(new AuthorData("Staff-Made Author", null, null)).getId()).call();
        assertThat(id).isNotNull();
    }
}
