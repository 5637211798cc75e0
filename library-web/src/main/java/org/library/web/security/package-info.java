/**
 * Authentication for the pages and the REST API with Jakarta Security: one
 * {@link jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism}
 * (form login with a session for the pages, HTTP Basic per request for {@code /api}) that checks
 * passwords through {@link org.library.accounts.Logins} (throttled per client, never holding a
 * database connection while hashing), the client's address as the throttles count it, the
 * current caller for ownership checks, and the security headers of every response.
 */
package org.library.web.security;
