package org.library.accounts;

import java.util.Set;

/**
 * Who a valid bearer token speaks for: a name no account can have ({@code token:<id>}, as user
 * names have no colon) and the token's scopes, which become its Jakarta Security groups.
 */
public record TokenCaller(String name, Set<String> scopes) {

    public TokenCaller {
        scopes = Set.copyOf(scopes);
    }

    static String nameOf(long tokenId) {
        return "token:" + tokenId;
    }
}
