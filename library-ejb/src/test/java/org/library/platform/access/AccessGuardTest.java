package org.library.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.library.platform.AccessDeniedException;

class AccessGuardTest {

    static class Unannotated {
        public void change() {
        }
    }

    @Allowed({Roles.STAFF, Roles.CARD_HOLDER})
    static class ForPeopleWithAccounts {
        public void mine() {
        }

        @Allowed(Roles.ANYONE)
        public void everybodys() {
        }

        @Allowed(Roles.STAFF)
        public void staffs() {
        }
    }

    private static final Identity STAFF = new Identity("e1001", Set.of(Roles.STAFF));
    private static final Identity MEMBER = new Identity("m000101", Set.of(Roles.CARD_HOLDER));

    @Test
    void aMethodWithoutARuleIsStaffOnly() throws Exception {
        String[] rule = rule(Unannotated.class, "change");
        assertThat(rule).containsExactly(Roles.STAFF);
        assertThatCode(() -> AccessGuard.permit(rule, STAFF, method(Unannotated.class, "change"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessGuard.permit(rule, MEMBER, method(Unannotated.class, "change")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only library staff");
        assertThatThrownBy(() -> AccessGuard.permit(rule, null, method(Unannotated.class, "change")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Log in first");
    }

    @Test
    void theMethodsRuleComesBeforeItsClasss() throws Exception {
        assertThat(rule(ForPeopleWithAccounts.class, "mine")).containsExactly(Roles.STAFF, Roles.CARD_HOLDER);
        assertThat(rule(ForPeopleWithAccounts.class, "staffs")).containsExactly(Roles.STAFF);
        String[] anyone = rule(ForPeopleWithAccounts.class, "everybodys");
        assertThatCode(() -> AccessGuard.permit(anyone, null, method(ForPeopleWithAccounts.class, "everybodys")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessGuard.permit(rule(ForPeopleWithAccounts.class, "staffs"), MEMBER,
                method(ForPeopleWithAccounts.class, "staffs"))).isInstanceOf(AccessDeniedException.class);
    }

    @Allowed(Roles.CATALOGUE_WRITE)
    static class ForCatalogueWriters {
        public void write() {
        }
    }

    @Test
    void aScopeAdmitsTheTokenHoldingItAndEveryLibrarianButNoOtherScope() throws Exception {
        String[] rule = rule(ForCatalogueWriters.class, "write");
        Method write = method(ForCatalogueWriters.class, "write");
        Identity writer = new Identity("token:1", Set.of(Roles.CATALOGUE_WRITE));
        Identity reader = new Identity("token:2", Set.of(Roles.CATALOGUE_READ, Roles.CIRCULATION));
        assertThatCode(() -> AccessGuard.permit(rule, writer, write)).doesNotThrowAnyException();
        assertThatCode(() -> AccessGuard.permit(rule, STAFF, write)).doesNotThrowAnyException();
        assertThatCode(() -> AccessGuard.permit(rule, Identity.SYSTEM, write)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessGuard.permit(rule, reader, write))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(Roles.CATALOGUE_WRITE);
        assertThatThrownBy(() -> AccessGuard.permit(rule, MEMBER, write)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTokenHoldsNoStaffOnlyRightWhateverItsScopes() throws Exception {
        Identity everything = new Identity("token:3", Set.copyOf(Roles.SCOPES));
        assertThatThrownBy(() -> AccessGuard.permit(rule(Unannotated.class, "change"), everything, method(Unannotated.class, "change")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only library staff");
        assertThat(everything.hasAnyRole(Roles.STAFF, Roles.CARD_HOLDER)).isFalse();
    }

    @Test
    void anIdentityHoldsForItsScopeAndTheOneBeforeComesBack() {
        assertThat(Identity.current()).isEmpty();
        try (Identity.Scope outer = Identity.enter(STAFF)) {
            Identity.run(Identity.SYSTEM, () -> assertThat(Identity.current()).contains(Identity.SYSTEM));
            assertThat(Identity.current()).contains(STAFF);
            try (Identity.Scope nobody = Identity.enter(null)) {
                assertThat(Identity.current()).isEmpty();
            }
            assertThat(Identity.current()).contains(STAFF);
        }
        assertThat(Identity.current()).isEmpty();
    }

    private static String[] rule(Class<?> type, String name) throws NoSuchMethodException {
        return AccessGuard.rule(method(type, name), type);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }
}
