package org.library.accounts;

/** A token just made, with its secret: the one time the secret exists outside the caller's hands. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]"; // never the secret, not even in a log line
    }
}
