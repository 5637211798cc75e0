/**
 * Login accounts: who may log in, with which role ({@link org.library.accounts.Role#LIBRARIAN
 * LIBRARIAN} for staff, {@link org.library.accounts.Role#MEMBER MEMBER} for card holders), their
 * PBKDF2-hashed passwords, the slow-down of repeated failed logins, and the {@code admin} account
 * created on a first start. The web module's Jakarta Security identity store asks
 * {@link org.library.accounts.AccountService} to check a password; it never sees a hash. Also the
 * API tokens of systems ({@link org.library.accounts.ApiTokens}): a secret shown once, kept as a
 * hash, whose scopes are its roles.
 */
package org.library.accounts;
