package org.library.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.library.accounts.AccountService;
import org.library.accounts.Caller;
import org.library.accounts.Role;
import org.library.platform.AccessDeniedException;
import org.library.platform.access.Identity;

/**
 * Who sends this request, for the checks a role alone cannot make — a member may see and change
 * only their own loans and holds — and for pages that show only what the caller may do
 * ({@code #{caller.staff}}). Used by the REST resources and the backing beans alike.
 */
@Named("caller")
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    private Caller caller;

    public boolean isLoggedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isStaff() {
        return security.isCallerInRole(Role.STAFF);
    }

    public boolean isMember() {
        return security.isCallerInRole(Role.CARD_HOLDER);
    }

    public String getName() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** The logged-in caller's account details (loaded once per request). */
    public Optional<Caller> get() {
        if (caller == null && isLoggedIn()) {
            caller = accounts.caller(getName());
        }
        return Optional.ofNullable(caller);
    }

    /** The member id of a logged-in member, for "my loans" links; null for staff and anonymous. */
    public Long getMemberId() {
        return isMember() ? get().map(Caller::memberId).orElse(null) : null;
    }

    /**
     * The logged-in member's own member id, for what a member does to their own record.
     *
     * @throws AccessDeniedException with {@code refusal} for staff, systems and anonymous callers
     */
    public long requireOwnMemberId(String refusal) {
        Long memberId = getMemberId();
        if (memberId == null) {
            throw new AccessDeniedException(refusal);
        }
        return memberId;
    }

    public boolean mayActFor(long memberId) {
        return isStaff() || isMember() && get().map(c -> c.mayActFor(memberId)).orElse(false);
    }

    /** @throws AccessDeniedException unless the caller is staff or this very member */
    public void requireSelfOrStaff(long memberId) {
        if (!mayActFor(memberId)) {
            throw new AccessDeniedException("You may see and change only your own loans and holds.");
        }
    }

    /**
     * For the REST API, where a system's token acts for every member within its scope.
     *
     * @throws AccessDeniedException unless the caller holds {@code scope} (staff hold every one) or is this very member
     */
    public void requireSelfOr(String scope, long memberId) {
        if (!Identity.current().map(identity -> identity.hasAnyRole(scope)).orElse(false)) {
            requireSelfOrStaff(memberId);
        }
    }

    /** @throws AccessDeniedException unless the caller is staff */
    public void requireStaff() {
        if (!isStaff()) {
            throw new AccessDeniedException("Only library staff may do this.");
        }
    }
}
