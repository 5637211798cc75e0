package org.library.web.faces;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.library.web.security.LibraryAuthenticationMechanism;
import org.library.web.security.LibraryAuthenticationMechanism.Refusal;

/**
 * The login form ({@code login.xhtml?next=/desk.xhtml}) and logging out. The credentials go to
 * Jakarta Security ({@link SecurityContext#authenticate}); this bean only says what happened and
 * goes back to the page the person asked for — a path inside the application, never another site.
 */
@Named
@RequestScoped
public class LoginBacking {

    static final String FAILED = "Wrong user name or password — or the account is locked.";

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    private String username;
    private String password;
    private String next;

    public String login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SUCCESS -> {
                external.redirect(external.getRequestContextPath() + safeNext(next));
                faces.responseComplete();
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                String why = refusal(external.getRequest());
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, why, why));
            }
        }
        return null;
    }

    public String logout() throws ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index?faces-redirect=true";
    }

    /** What the authentication said of a refused login, as a person should read it. */
    static String refusal(Object request) {
        Object refusal = ((HttpServletRequest) request).getAttribute(LibraryAuthenticationMechanism.REFUSAL);
        if (!(refusal instanceof Refusal why)) {
            return FAILED;
        }
        return switch (why.kind()) {
            case WRONG, WRONG_TOKEN -> FAILED; // the pages never take a token: never the case here
            case THROTTLED -> "Too many failed logins from your network: wait " + waiting(why.retryAfterSeconds())
                    + " before you try again (or ask at the desk for a new password).";
            case BUSY -> "Many people are logging in right now: try again in a few seconds.";
            case UNAVAILABLE -> "The library's system does not answer right now: try again in a minute.";
        };
    }

    private static String waiting(long seconds) {
        return seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    /** Where to go after logging in: {@code next} when it is a path of this application, else home. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login.xhtml") || next.chars().anyMatch(Character::isISOControl)) {
            return "/index.xhtml";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
