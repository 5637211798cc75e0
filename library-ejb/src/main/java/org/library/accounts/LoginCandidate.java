package org.library.accounts;

/**
 * What a login needs of an account, read in a short transaction of its own, so that no database
 * connection is held while the password is checked (PBKDF2 takes a few hundred milliseconds).
 * Public only because EJB business methods must be; it is for {@link Logins}, nothing else.
 */
public record LoginCandidate(Caller caller, String passwordHash, boolean locked, int sessionGeneration) {

    static LoginCandidate of(Account account) {
        return new LoginCandidate(account.caller(), account.getPasswordHash(), account.isLocked(), account.getSessionGeneration());
    }
}
