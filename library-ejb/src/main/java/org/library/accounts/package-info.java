/**
 * Login accounts: who may log in, with which role ({@link org.library.accounts.Role#LIBRARIAN
 * LIBRARIAN} for staff, {@link org.library.accounts.Role#MEMBER MEMBER} for card holders), their
 * PBKDF2-hashed passwords, the slow-down of repeated failed logins, and the {@code admin} account
 * created on a first start. The web module's Jakarta Security identity store asks
 * {@link org.library.accounts.AccountService} to check a password; it never sees a hash.
 */
package org.library.accounts;
