package org.library.web.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.web.security.LibraryAuthenticationMechanism;
import org.library.web.security.LibraryAuthenticationMechanism.Refusal;

/**
 * The answer to an API request whose login was refused before any password check — a client that
 * must wait, or too many checks at once — comes {@link #DELAY} late, without a thread waiting
 * meanwhile (an asynchronous request the scheduler completes). A client sending requests one after
 * the other as fast as they are answered (a guesser's loop, any HTTP load tool) is thereby held to
 * one request a second per connection, instead of turning fast refusals into a flood of its own
 * that takes the processors from everyone else: 64 such connections are 64 requests a second.
 *
 * <p>The first filter of {@code /api/*} (declared first in web.xml), so that nothing else runs for
 * such a request. The answer is the API's: 429 with {@code Retry-After} and a problem document.
 */
public class LoginTarpit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Duration DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(LoginTarpit.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource
    private transient ManagedScheduledExecutorService scheduler;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(LibraryAuthenticationMechanism.REFUSAL) instanceof Refusal refusal)
                || (refusal.kind() != Refusal.Kind.THROTTLED && refusal.kind() != Refusal.Kind.BUSY)
                || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = JSON.toJson(problem(refusal, URI.create(request.getRequestURL().toString()))).getBytes(StandardCharsets.UTF_8);
        AsyncContext later = request.startAsync();
        later.setTimeout(DELAY.toMillis() * 10);
        scheduler.schedule(() -> answer(later, refusal.retryAfterSeconds(), body), DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The 429 problem for a login refused before a password check (a client that must wait, or too many checks at once). */
    public static Problem problem(Refusal refusal, URI instance) {
        return refusal.kind() == Refusal.Kind.BUSY
                ? Problem.of("login-busy", "Too many logins at once", jakarta.ws.rs.core.Response.Status.TOO_MANY_REQUESTS,
                        "Too many logins are being checked at once; nothing was counted. Try again after "
                                + refusal.retryAfterSeconds() + " s.", instance)
                : Problem.of("too-many-attempts", "Too many failed logins", jakarta.ws.rs.core.Response.Status.TOO_MANY_REQUESTS,
                        "Too many failed logins from your address; no password was checked. Try again after "
                                + refusal.retryAfterSeconds() + " s.", instance);
    }

    private static void answer(AsyncContext later, long retryAfterSeconds, byte[] body) {
        try {
            HttpServletResponse response = (HttpServletResponse) later.getResponse();
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType(Problem.MEDIA_TYPE.toString());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "A delayed refusal could not be written (the client left?)", e);
        } finally {
            later.complete();
        }
    }
}
