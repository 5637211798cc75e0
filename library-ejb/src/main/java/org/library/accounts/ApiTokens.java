package org.library.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SortOrder;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;

/**
 * API tokens: staff make them (the secret is answered once), list them with their last use, and
 * revoke them; the REST API checks each bearer token here, in the database, on every request.
 * Nothing of a token is cached on an instance, so a revocation holds at once on every instance
 * of a cluster; the check is one read by the hash's unique index.
 */
@Stateless
@Guarded
@Allowed(Roles.ADMINISTRATION)
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

    /**
     * How stale a token's last use may be: it is written when the stored one is older, so that a
     * busy client causes one write a minute, not one per request.
     */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    public static final Map<String, String> SORTS = Map.of("name", "t.name", "createdAt", "t.createdAt",
            "expiresAt", "t.expiresAt", "lastUsedAt", "t.lastUsedAt");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChangeLog changes;

    @Inject
    private Inputs inputs;

    @Inject
    private Clock clock;

    /**
     * Makes a token. The answer carries its secret, which is stored nowhere: shown once, then
     * only its hash remains.
     *
     * @throws InvalidInputException for a blank or too long name, no or unknown scopes, an expiry not in the future
     * @throws TokenLimitReachedException when {@link ApiToken#MAX_USABLE} tokens are usable already
     */
    public IssuedToken create(TokenData data) {
        inputs.valid(data);
        Instant now = clock.instant();
        List<FieldViolation> invalid = new ArrayList<>();
        List<String> unknown = data.scopes().stream().filter(scope -> !Roles.SCOPES.contains(scope)).toList();
        if (!unknown.isEmpty()) {
            invalid.add(new FieldViolation("scopes", "has unknown scopes " + unknown + "; known: " + String.join(", ", Roles.SCOPES)));
        }
        if (data.expiresAt() != null && !data.expiresAt().isAfter(now)) {
            invalid.add(new FieldViolation("expiresAt", "must be in the future"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        if (em.createNamedQuery(ApiToken.COUNT_USABLE, Long.class).setParameter("now", now).getSingleResult() >= ApiToken.MAX_USABLE) {
            throw new TokenLimitReachedException();
        }
        // the scopes in their canonical order, each once
        List<String> scopes = Roles.SCOPES.stream().filter(new HashSet<>(data.scopes())::contains).toList();
        String secret = TokenSecrets.generate();
        String createdBy = Identity.current().map(Identity::name).orElse("system");
        ApiToken token = new ApiToken(data.name().strip(), TokenSecrets.hash(secret), scopes, createdBy, now, data.expiresAt());
        em.persist(token);
        changes.record(ChangeAction.CREATED, token);
        LOG.info(() -> "API token " + token.getId() + " (" + String.join(" ", scopes) + ") made by " + createdBy + ".");
        return new IssuedToken(token, secret);
    }

    /** A page of tokens, usable or not, never with a secret. */
    public Page<ApiToken> tokens(PageRequest request, SortOrder sort) {
        return new PagedQuery<>(ApiToken.class, "SELECT t FROM ApiToken t", "SELECT t.id FROM ApiToken t")
                .page(em, request, sort.toJpql(SORTS, "t.id"));
    }

    public ApiToken token(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new RecordNotFoundException("API token", id);
        }
        return token;
    }

    /** Revokes the token: its next request is refused, on every instance. Revoking it again changes nothing. */
    public ApiToken revoke(long id) {
        ApiToken token = token(id);
        boolean usable = token.getRevokedAt() == null;
        token.revoke(clock.instant());
        if (usable) {
            changes.record(ChangeAction.REVOKED, token);
        }
        LOG.warning(() -> "API token " + id + " revoked by " + Identity.current().map(Identity::name).orElse("system") + ".");
        return token;
    }

    /**
     * The caller a bearer token speaks for, if it is one of ours and neither revoked nor expired.
     * Its last use is written only when the stored one is older than {@link #LAST_USE_PRECISION}.
     */
    @Allowed(Roles.ANYONE)
    public Optional<TokenCaller> authenticate(String presented) {
        if (!TokenSecrets.wellFormed(presented)) {
            return Optional.empty();
        }
        // found by its hash's unique index, not compared: equal hashes are equal secrets, and what
        // the lookup's timing could tell about a hash helps nobody find a secret
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", TokenSecrets.hash(presented)).getResultStream().findFirst();
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().state(now) != ApiToken.State.ACTIVE) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Instant stale = now.minus(LAST_USE_PRECISION);
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(stale)) {
            // a statement of its own, not the entity: no version bump that would race with a revocation
            em.createNativeQuery("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                    .setParameter(1, now.toEpochMilli()).setParameter(2, token.getId()).setParameter(3, stale.toEpochMilli())
                    .executeUpdate();
        }
        return Optional.of(new TokenCaller(TokenCaller.nameOf(token.getId()), new HashSet<>(token.getScopes())));
    }
}
