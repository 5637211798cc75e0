package org.library.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How callers prove who they are. Jakarta Security 3 allows one mechanism per application, and
 * the library has two kinds of client, so this one serves both:
 *
 * <ul>
 *   <li>The REST API ({@code /api/…}) is stateless: HTTP Basic on each request (use it behind
 *       TLS). Basic rather than bearer tokens because every HTTP client and every integration
 *       platform speaks it without a token endpoint, and the password check costs PBKDF2 only
 *       once per few minutes per client (see {@code VerifiedCredentials}). No session is created.
 *       Wrong credentials are marked on the request and answered 401 by the API's access filter,
 *       as a problem document like every other API error.</li>
 *   <li>The pages use a form ({@code login.xhtml}, through
 *       {@link jakarta.security.enterprise.SecurityContext#authenticate}); the caller is then kept
 *       in the HTTP session, whose id is changed at login against session fixation. A protected
 *       page asked for anonymously redirects to the form, which comes back to it afterwards.</li>
 * </ul>
 */
@ApplicationScoped
public class LibraryAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute set when an API request carried wrong credentials. */
    public static final String API_CREDENTIALS_REFUSED = "org.library.apiCredentialsRefused";

    static final String SESSION_CALLER = "org.library.caller";

    /** Who logged in on the pages: kept in the session (serializable, for replicated sessions). */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return basic(request, context);
        }
        Credential submitted = context.getAuthParameters().getCredential();
        if (submitted != null) {
            return formLogin(request, context, submitted);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing(); // anonymous; the access filter decides whether that is enough
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon > 0) {
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        request.setAttribute(API_CREDENTIALS_REFUSED, Boolean.TRUE);
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential submitted) {
        CredentialValidationResult result = identityStores.validate(submitted);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_CALLER,
                new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A page asked for without a login (or after the session timed out) goes to the login form. A
     * Faces ajax request cannot follow an HTTP redirect, so it gets the Faces partial-response
     * redirect instead, which the page's script follows.
     */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String location = loginPage(request);
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return context.redirect(location);
        }
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + location.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            response.flushBuffer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The login form, told where to come back to (a path inside the application, nothing else). */
    private static String loginPage(HttpServletRequest request) {
        String asked = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
    }
}
