package org.library.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Checks a user name and password for a client, so that failing costs an attacker more than the
 * server:
 *
 * <ol>
 *   <li>first of all, a client that must wait is answered so, without any check: its address
 *       ({@link ClientThrottle}, from memory) or its failures at this user name
 *       ({@link LoginThrottle}, one indexed read);</li>
 *   <li>a password this instance verified a few minutes ago is recognised by an HMAC, without
 *       PBKDF2 ({@link VerifiedCredentials}): API clients sending Basic on every request pay once;</li>
 *   <li>otherwise, before any hashing, the check is counted for the client's address and for the
 *       client at this user name, so that checks sent at once are counted at once;</li>
 *   <li>at most {@link LoginSettings#concurrentChecks()} PBKDF2 checks run at once; a request that
 *       finds no free slot within {@link #WAIT_FOR_CHECK} is answered "busy", and nothing is counted;</li>
 *   <li>no database connection is held while hashing: the account is read, and the guess counted,
 *       each in a short transaction of its own before, and the outcome recorded in one after.</li>
 * </ol>
 *
 * An unknown user name costs the same as a known one (a check against a decoy hash, the same
 * counting), so that neither timing nor throttling tells which names exist. Not an EJB on purpose:
 * a container transaction around this method would hold a connection through the hashing.
 */
@ApplicationScoped
public class Logins {

    static final Duration WAIT_FOR_CHECK = Duration.ofSeconds(10);

    /** Attempts at counting a guess when the same client's requests keep racing for the same row. */
    private static final int RESERVE_ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(Logins.class.getName());

    @EJB
    private AccountService accounts;

    @EJB
    private LoginThrottle throttle;

    @Inject
    private ClientThrottle clients;

    @Inject
    private VerifiedCredentials verified;

    @Inject
    private Pbkdf2PasswordHash hashes;

    @Inject
    private LoginSettings settings;

    @Inject
    private Clock clock;

    private Semaphore checks;

    @PostConstruct
    void configure() {
        hashes.initialize(AccountService.HASH_PARAMETERS);
        checks = new Semaphore(settings.concurrentChecks(), true);
    }

    /**
     * @param client the client's address as the web layer sees it (for an IPv6 address, its /64),
     *               the key of the throttles
     */
    public LoginResult authenticate(String username, String password, String client) {
        if (username == null || password == null || username.isBlank() || username.length() > 254
                || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            return LoginResult.REFUSED;
        }
        Instant now = clock.instant();
        String name = Account.normalise(username);
        // a client that must wait gets no answer about any password, not even one this instance
        // verified before (that check is cheap: it would let a blocked client guess on)
        Optional<Instant> waiting = clients.blockedUntil(client, now);
        if (waiting.isEmpty()) {
            waiting = throttle.blockedUntil(name, client, now);
        }
        if (waiting.isPresent()) {
            return LoginResult.throttled(Duration.between(now, waiting.get()));
        }
        Optional<LoginCandidate> account = accounts.loginCandidate(name);
        if (account.isPresent() && !account.get().locked()
                && verified.matches(name, account.get().passwordHash(), password, now)) {
            return LoginResult.authenticated(account.get().caller());
        }
        Optional<Instant> clientWaits = clients.start(client, now);
        if (clientWaits.isPresent()) {
            return LoginResult.throttled(Duration.between(now, clientWaits.get()));
        }
        boolean matches = false;
        try {
            if (!checks.tryAcquire(WAIT_FOR_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("Every password check slot was busy for " + WAIT_FOR_CHECK.toSeconds() + " s: a login was "
                        + "answered 'busy' (a flood of logins from many addresses?).");
                clients.finished(client, false, now);
                return LoginResult.busy(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clients.finished(client, false, now);
            return LoginResult.busy(Duration.ofSeconds(1));
        }
        boolean checked = false;
        try {
            Optional<Instant> blocked = reserve(name, client, now);
            if (blocked.isPresent()) {
                return LoginResult.throttled(Duration.between(now, blocked.get()));
            }
            String hash = account.map(LoginCandidate::passwordHash).orElseGet(() -> verified.decoyHash(hashes));
            checked = true;
            matches = hashes.verify(password.toCharArray(), hash) && account.isPresent() && !account.get().locked();
        } finally {
            checks.release();
            clients.finished(client, checked && !matches, clock.instant());
        }
        if (!matches) {
            LOG.info(() -> account.isPresent() ? "Login refused: wrong password or locked account." : "Login refused: unknown user name.");
            return LoginResult.REFUSED;
        }
        throttle.succeeded(name, client);
        verified.remember(name, account.get().passwordHash(), password, now);
        return LoginResult.authenticated(account.get().caller());
    }

    /**
     * Counts the guess, unless this client is blocked from this name.
     *
     * @return until when it is blocked, or empty when the guess may be checked
     */
    private Optional<Instant> reserve(String name, String client, Instant now) {
        for (int attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
            LoginThrottle.Reservation reservation = throttle.reserve(name, client, now);
            if (!reservation.raced()) {
                return Optional.ofNullable(reservation.blockedUntil());
            }
        }
        return Optional.of(now.plusSeconds(1)); // this client's own requests keep colliding: let it slow down
    }
}
