package org.library.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.accounts.AccountService;
import org.library.accounts.ApiTokens;
import org.library.accounts.Caller;
import org.library.accounts.LoginResult;
import org.library.accounts.Logins;
import org.library.accounts.TokenCaller;
import org.library.platform.SqlStates;

/**
 * How callers prove who they are. Jakarta Security 3 allows one mechanism per application, and
 * the library has two kinds of client, so this one serves both:
 *
 * <ul>
 *   <li>The REST API ({@code /api/…}) is stateless: HTTP Basic (a person's account) or an API
 *       token ({@code Authorization: Bearer lib_…}, a system's, made by staff) on each request
 *       (use it behind TLS). Basic because every HTTP client speaks it without a token endpoint,
 *       and the password check costs PBKDF2 only once per few minutes per client (see
 *       {@link Logins}); a token costs one indexed read ({@link ApiTokens}). No session is created. Wrong
 *       credentials, a client that must wait, or a database that does not answer are marked on
 *       the request ({@link Refusal}) and answered by the API's access filter, as a problem
 *       document like every other API error.</li>
 *   <li>The pages use a form ({@code login.xhtml}, through
 *       {@link jakarta.security.enterprise.SecurityContext#authenticate}); the caller is then kept
 *       in the HTTP session, whose id is changed at login against session fixation. A protected
 *       page asked for anonymously redirects to the form, which comes back to it afterwards. On
 *       every request the session's account is checked against the database: a password changed
 *       or reset, a lock by staff, or the account's deletion ends the session at once, on every
 *       instance of a cluster (checked on page requests, not on the files a page loads).</li>
 * </ul>
 */
@ApplicationScoped
public class LibraryAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute: why the credentials sent were not accepted ({@link Refusal}). */
    public static final String REFUSAL = "org.library.authenticationRefusal";

    private static final String BEARER = "Bearer";

    static final String SESSION_CALLER = "org.library.caller";

    private static final Logger LOG = Logger.getLogger(LibraryAuthenticationMechanism.class.getName());

    /**
     * Why a request's credentials were not accepted.
     *
     * @param retryAfterSeconds how long to wait, unless the credentials were wrong
     */
    public record Refusal(Kind kind, long retryAfterSeconds) {

        /**
         * Wrong credentials; an API token unknown, expired or revoked; a client that must wait; too
         * many checks at once; a database that does not answer.
         */
        public enum Kind { WRONG, WRONG_TOKEN, THROTTLED, BUSY, UNAVAILABLE }

        static Refusal of(LoginResult result) {
            return switch (result.outcome()) {
                case THROTTLED -> new Refusal(Kind.THROTTLED, result.retryAfterSeconds());
                case BUSY -> new Refusal(Kind.BUSY, result.retryAfterSeconds());
                default -> new Refusal(Kind.WRONG, 0);
            };
        }
    }

    /** Who logged in on the pages, and under which session generation: kept in the session (serializable, for replicated sessions). */
    record SessionCaller(String name, Set<String> groups, int generation) implements Serializable {
    }

    @Inject
    Logins logins;

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    TrustedProxies proxies;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            if (isApi(request)) {
                return basic(request, context);
            }
            Credential submitted = context.getAuthParameters().getCredential();
            if (submitted instanceof UsernamePasswordCredential credential) {
                return formLogin(request, context, credential);
            }
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
                if (!isPage(request) || stillValid(caller)) {
                    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
                }
                LOG.info("A page session ended: its account's password changed, it was locked, or it is gone.");
                session.invalidate();
            }
        } catch (RuntimeException e) {
            // a connection lost while the login's bookkeeping (its throttle) committed, or a lock on the
            // throttle's row waited for in vain (a database going down leaves them held), is the same for
            // the caller: the login could not be checked, and may be tried again
            if (!SqlStates.isUnavailable(e) && !SqlStates.isCommitOutcomeUnknown(e) && !SqlStates.isTransientConflict(e)) {
                throw e;
            }
            // the login could not be checked: answered 503 (API) or with the unavailable page, never a bare 500
            LOG.log(Level.WARNING, "Authentication could not reach the database: {0}", e.toString());
            request.setAttribute(REFUSAL, new Refusal(Refusal.Kind.UNAVAILABLE, 5));
            if (!isApi(request)) {
                return unavailable(response);
            }
            return context.doNothing();
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

    /**
     * The session generation the page session carries on under after its own account's password
     * was changed through it (the other sessions of the account end).
     */
    public static void carryOn(HttpServletRequest request, int generation) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            session.setAttribute(SESSION_CALLER, new SessionCaller(caller.name(), caller.groups(), generation));
        }
    }

    private boolean stillValid(SessionCaller caller) {
        OptionalInt generation = accounts.sessionGeneration(caller.name());
        return generation.isPresent() && generation.getAsInt() == caller.generation();
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.strip().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String presented = header.strip().substring(BEARER.length());
            // "Bearer" and nothing (a client whose token variable was empty) is a wrong token, not anonymous
            if (presented.isEmpty() || Character.isWhitespace(presented.charAt(0))) {
                return bearer(request, context, presented.strip());
            }
        }
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
        LoginResult result = colon > 0
                ? logins.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), proxies.client(request))
                : null;
        if (result != null && result.authenticated()) {
            return context.notifyContainerAboutLogin(result.caller().username(), groups(result.caller()));
        }
        request.setAttribute(REFUSAL, result == null ? new Refusal(Refusal.Kind.WRONG, 0) : Refusal.of(result));
        return context.doNothing();
    }

    /**
     * An API token: its scopes become the caller's groups, so that the same role checks decide
     * what it may do. Checked in the database on every request, nothing kept: a revoked token is
     * refused at once on every instance. No throttle as for passwords: a token cannot be guessed.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context, String presented) {
        Optional<TokenCaller> caller = tokens.authenticate(presented);
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().name(), caller.get().scopes());
        }
        request.setAttribute(REFUSAL, new Refusal(Refusal.Kind.WRONG_TOKEN, 0));
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
                                           UsernamePasswordCredential credential) {
        LoginResult result = logins.authenticate(credential.getCaller(), credential.getPasswordAsString(), proxies.client(request));
        if (!result.authenticated()) {
            request.setAttribute(REFUSAL, Refusal.of(result));
            return AuthenticationStatus.SEND_FAILURE;
        }
        Caller caller = result.caller();
        int generation = accounts.sessionGeneration(caller.username()).orElse(-1);
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_CALLER, new SessionCaller(caller.username(), groups(caller), generation));
        return context.notifyContainerAboutLogin(caller.username(), groups(caller));
    }

    private static Set<String> groups(Caller caller) {
        return Set.of(caller.role().name());
    }

    /** A page asked for while the database does not answer: the 503 page, with Retry-After. */
    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        try {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
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

    /**
     * A page, not one of its style sheets, scripts or images: the session's account is checked on
     * pages (one indexed read), not on each of the files a page loads after it.
     */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.endsWith(".xhtml") || path.equals("/")) && !path.startsWith("/jakarta.faces.resource/");
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
