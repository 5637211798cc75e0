/**
 * Authentication for the pages and the REST API with Jakarta Security: one
 * {@link jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism}
 * (form login with a session for the pages, HTTP Basic per request for {@code /api}), one
 * {@link jakarta.security.enterprise.identitystore.IdentityStore} over the database accounts, the
 * current caller for ownership checks, and the security headers of every response.
 */
package org.library.web.security;
