package org.library.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.library.accounts.AccountService;

/**
 * The identity store of the application: the accounts in the database. A caller's group is their
 * role's name, which the servers map to the role of the same name. The password check itself
 * (PBKDF2, throttling) lives in {@link AccountService}; this store never sees a hash.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(caller -> new CredentialValidationResult(caller.username(), Set.of(caller.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
