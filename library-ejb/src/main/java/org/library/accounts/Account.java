package org.library.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Map;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.library.members.Member;
import org.library.platform.BooleanToIntegerConverter;
import org.library.staff.Librarian;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A login: user name, PBKDF2 hash of the password, role, and the librarian or member it belongs
 * to. Owning side of two optional one-to-one relations ({@code accounts.librarian_id} and
 * {@code accounts.member_id}, each UNIQUE, ON DELETE CASCADE); the person's record does not know
 * about its account, so the catalogue and circulation never load a hash.
 */
@Entity
@Table(name = "accounts")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.OF_MEMBER, query = "SELECT a FROM Account a WHERE a.member.id = :id")
@NamedQuery(name = Account.OF_LIBRARIAN, query = "SELECT a FROM Account a WHERE a.librarian.id = :id")
@NamedQuery(name = Account.COUNT_STAFF, query = "SELECT COUNT(a) FROM Account a WHERE a.role = org.library.accounts.Role.LIBRARIAN")
public class Account implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String BY_USERNAME = "Account.byUsername";
    public static final String OF_MEMBER = "Account.ofMember";
    public static final String OF_LIBRARIAN = "Account.ofLibrarian";
    public static final String COUNT_STAFF = "Account.countStaff";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 50, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Role role;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "librarian_id", unique = true, updatable = false)
    private Librarian librarian;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id", unique = true, updatable = false)
    private Member member;

    /** Failed logins since the last successful one, from any client: for staff to see, never a lock. */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(nullable = false)
    private boolean locked;

    @Convert(converter = BooleanToIntegerConverter.class)
    @Column(nullable = false, updatable = false)
    private boolean demo;

    /** Changes when the password changes or staff lock the account: older page sessions end. */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    private Account(String username, String passwordHash, Role role, Librarian librarian, Member member, Instant now) {
        this.username = normalise(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.librarian = librarian;
        this.member = member;
        this.passwordChangedAt = now;
    }

    static Account forLibrarian(String username, String passwordHash, Librarian librarian, Instant now) {
        return new Account(username, passwordHash, Role.LIBRARIAN, Objects.requireNonNull(librarian), null, now);
    }

    static Account forMember(String username, String passwordHash, Member member, Instant now) {
        return new Account(username, passwordHash, Role.MEMBER, null, Objects.requireNonNull(member), now);
    }

    /** User names are case-insensitive: stored and looked up in lower case. */
    public static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A new password ends the sessions opened with the old one. */
    void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.passwordChangedAt = now;
        this.failedLogins = 0;
        this.sessionGeneration++;
    }

    /** Staff lock the account: no login until they lift it, and its open sessions end. */
    void lock() {
        if (!locked) {
            locked = true;
            sessionGeneration++;
        }
    }

    void unlock() {
        locked = false;
    }

    /** Opened by the demo data, with the password the README publishes. */
    void markDemo() {
        this.demo = true;
    }

    public Caller caller() {
        return new Caller(username, role, librarian == null ? null : librarian.getId(), member == null ? null : member.getId());
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isDemo() {
        return demo;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account that && username != null && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(username);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + role + "]";
    }

    @Override
    public RecordType recordType() {
        return RecordType.ACCOUNT;
    }

    @Override
    public Map<String, Object> recordedState() {
        return Recorded.state("username", username, "role", role, "memberId", member == null ? null : member.getId(),
                "librarianId", librarian == null ? null : librarian.getId(), "locked", locked,
                "passwordChangedAt", passwordChangedAt);
    }
}
