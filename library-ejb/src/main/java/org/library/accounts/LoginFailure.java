package org.library.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One client's failed logins in a row at one user name, and until when it is blocked from trying
 * again ({@link LoginThrottle}). Both keys are keyed hashes; the times are epoch milliseconds.
 * No {@code @Version}: every change is a compare-and-set on {@code failures}.
 */
@Entity
@Table(name = "login_failures")
class LoginFailure {

    @Embeddable
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "name_key", length = 44)
        private String name;

        @Column(name = "client_key", length = 44)
        private String client;

        protected Key() {
            // for JPA
        }

        Key(String name, String client) {
            this.name = name;
            this.client = client;
        }

        String name() {
            return name;
        }

        String client() {
            return client;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && name.equals(that.name) && client.equals(that.client);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, client);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "blocked_until")
    private Long blockedUntil;

    @Column(name = "last_failure_at", nullable = false)
    private long lastFailureAt;

    protected LoginFailure() {
        // for JPA
    }

    LoginFailure(Key key, Long blockedUntil, long now) {
        this.key = key;
        this.failures = 1;
        this.blockedUntil = blockedUntil;
        this.lastFailureAt = now;
    }

    int failures() {
        return failures;
    }

    Long blockedUntil() {
        return blockedUntil;
    }
}
