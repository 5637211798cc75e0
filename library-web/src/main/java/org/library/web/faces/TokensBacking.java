package org.library.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.library.accounts.ApiToken;
import org.library.accounts.ApiTokens;
import org.library.accounts.IssuedToken;
import org.library.accounts.TokenData;
import org.library.platform.SortOrder;
import org.library.platform.access.Roles;
import org.library.web.security.CurrentCaller;

/**
 * The API tokens page, for staff: make a token (its secret is shown once, on the answer to the
 * creation), list every token with its state and last use, revoke one. The rules (name, scopes,
 * expiry, how many) are the token service's; its messages appear beside {@code name},
 * {@code scopes} and {@code expiresAt}.
 */
@Named
@ViewScoped
public class TokensBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Where the secret of a token just made waits to be rendered: the request, never this bean.
     * The view's state lives in the session (replicated on a cluster) for as long as the view
     * does; the request ends with the answer that shows the secret, and the secret with it.
     */
    static final String ISSUED_SECRET = "org.library.issuedTokenSecret";

    @Inject
    private ApiTokens tokens;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Clock clock;

    private String name;
    private List<String> scopes = new ArrayList<>();
    /** Days until it expires; none: never. */
    private Integer validDays;

    private final ServicePageModel<ApiToken> list = new ServicePageModel<>(
            (request, sort) -> tokens.tokens(request, sort), new SortOrder("createdAt", false), ApiToken::getId); // newest first

    public String create() {
        caller.requireStaff();
        Instant expiresAt = validDays == null ? null : clock.instant().plus(Duration.ofDays(validDays));
        IssuedToken issued = tokens.create(new TokenData(name, scopes, expiresAt));
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().put(ISSUED_SECRET, issued.secret());
        Messages.info("The token “" + issued.token().getName() + "” is made. Copy its secret now: it is shown only this once.");
        name = null;
        scopes = new ArrayList<>();
        validDays = null;
        return null;
    }

    public void revoke(ApiToken token) {
        caller.requireStaff();
        tokens.revoke(token.getId());
        Messages.info("The token “" + token.getName() + "” is revoked: it is refused from now on.");
    }

    /** The secret of the token made by this very request, else null. */
    public String getIssuedSecret() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(ISSUED_SECRET);
    }

    public String state(ApiToken token) {
        return switch (token.state(clock.instant())) {
            case ACTIVE -> "active";
            case EXPIRED -> "expired";
            case REVOKED -> "revoked";
        };
    }

    public String scopesOf(ApiToken token) {
        return String.join(" ", token.getScopes());
    }

    public boolean revocable(ApiToken token) {
        return token.getRevokedAt() == null;
    }

    public List<String> getScopeChoices() {
        return Roles.SCOPES;
    }

    public ServicePageModel<ApiToken> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
    }

    public Integer getValidDays() {
        return validDays;
    }

    public void setValidDays(Integer validDays) {
        this.validDays = validDays;
    }
}
