package org.library.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.members.Member;
import org.library.platform.AccessDeniedException;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.Writes;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;
import org.library.platform.access.Roles;
import org.library.staff.EmployeeNumber;
import org.library.staff.Librarian;

/**
 * Login accounts: opening an account for a librarian or a member, changing and resetting passwords,
 * locking. Each public method is one transaction. Checking a password is {@link Logins}'s, with
 * the throttles that make guessing slow ({@link LoginThrottle}, {@link ClientThrottle}).
 */
@Stateless
@Guarded
@Allowed(Roles.ADMINISTRATION)
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    /** PBKDF2-HMAC-SHA512 with 210,000 iterations: the OWASP recommendation (2023) for PBKDF2. */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash hashes;

    @Inject
    private VerifiedCredentials verified;

    @Inject
    private Logins logins;

    @jakarta.ejb.EJB
    private LoginThrottle throttle;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    @Inject
    private Inputs inputs;

    @Inject
    private Clock clock;

    @Inject
    private ChangeLog changes;

    @PostConstruct
    void configureHashing() {
        hashes.initialize(HASH_PARAMETERS);
    }

    /** What a login needs of the account, if there is one by that name ({@link Logins}). */
    @Allowed(Roles.ANYONE)
    public Optional<LoginCandidate> loginCandidate(String username) {
        return byUsername(username).map(LoginCandidate::of);
    }

    /**
     * The session generation of an account that may log in: a page session opened under another
     * generation (before a password change, a reset or a lock) has ended. Empty when the account is
     * gone or locked. Read on every page request of a logged-in person, so it reads one column.
     */
    @Allowed(Roles.ANYONE)
    public java.util.OptionalInt sessionGeneration(String username) {
        return em.createQuery("SELECT a.sessionGeneration FROM Account a WHERE a.username = :username AND a.locked = :locked",
                        Integer.class)
                .setParameter("username", Account.normalise(username)).setParameter("locked", false)
                .getResultStream().mapToInt(Integer::intValue).findFirst();
    }

    /** The logged-in caller behind a user name the container has authenticated. */
    @Allowed({Roles.STAFF, Roles.CARD_HOLDER})
    public Caller caller(String username) {
        return byUsername(username).map(Account::caller)
                .orElseThrow(() -> new RecordNotFoundException("account", Account.normalise(username)));
    }

    public Account account(String username) {
        return byUsername(username).orElseThrow(() -> new RecordNotFoundException("account", Account.normalise(username)));
    }

    public Optional<Account> ofMember(long memberId) {
        return single(em.createNamedQuery(Account.OF_MEMBER, Account.class).setParameter("id", memberId).getResultList());
    }

    public Optional<Account> ofLibrarian(long librarianId) {
        return single(em.createNamedQuery(Account.OF_LIBRARIAN, Account.class).setParameter("id", librarianId).getResultList());
    }

    /** Opens the member's login account. */
    public Account openForMember(long memberId, AccountData data) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            throw new RecordNotFoundException("member", memberId);
        }
        checkNew(data);
        if (ofMember(memberId).isPresent()) {
            throw new AlreadyHasAccountException("Member " + member.getMemberNumber());
        }
        return persist(Account.forMember(data.username(), hash(data.password()), member, clock.instant()));
    }

    /** Opens the librarian's login account, with the staff role. */
    public Account openForLibrarian(long librarianId, AccountData data) {
        Librarian librarian = em.find(Librarian.class, librarianId);
        if (librarian == null) {
            throw new RecordNotFoundException("librarian", librarianId);
        }
        checkNew(data);
        if (ofLibrarian(librarianId).isPresent()) {
            throw new AlreadyHasAccountException("Librarian " + librarian.getEmployeeNumber());
        }
        return persist(Account.forLibrarian(data.username(), hash(data.password()), librarian, clock.instant()));
    }

    /**
     * The owner changes their password, proving it with the current one: a login like any other,
     * throttled and counted for the client, checked with no transaction open (hence
     * NOT_SUPPORTED here, and the change itself in a transaction of its own after the check).
     *
     * @param client the client's address, as for a login
     * @return the account's new session generation: the session that made the change carries on under it
     * @throws TooManyAttemptsException when the client must wait (too many failed logins, or too many at once)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @Allowed({Roles.STAFF, Roles.CARD_HOLDER})
    public int changeOwnPassword(String username, String currentPassword, String newPassword, String client) {
        requireOwner(username);
        LoginResult check = logins.authenticate(username, currentPassword, client);
        switch (check.outcome()) {
            case AUTHENTICATED -> {
                return context.getBusinessObject(AccountService.class).setPassword(username, newPassword);
            }
            case THROTTLED, BUSY -> throw new TooManyAttemptsException(check.retryAfter());
            default -> throw new InvalidInputException(List.of(new FieldViolation("currentPassword", "is not your current password")));
        }
    }

    /** The change of {@link #changeOwnPassword}, once the current password is proven. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Allowed({Roles.STAFF, Roles.CARD_HOLDER})
    public int setPassword(String username, String newPassword) {
        requireOwner(username);
        Account account = account(username);
        setPassword(account, newPassword);
        return account.getSessionGeneration();
    }

    /**
     * Staff set a new password, e.g. for a member who forgot theirs: every client blocked from the
     * account may try again, and the account's open sessions end.
     */
    public void resetPassword(String username, String newPassword) {
        Account account = account(username);
        setPassword(account, newPassword);
        throttle.forgetAll(account.getUsername());
    }

    /** Staff lock the account (a lost card, a suspected break-in): no login, and its open sessions end. */
    public Account lock(String username) {
        Account account = account(username);
        Map<String, Object> before = account.recordedState();
        account.lock();
        changes.recordUpdate(account, before);
        verified.forget(account.getUsername());
        LOG.warning(() -> "Account " + account.getId() + " locked by staff.");
        return account;
    }

    /** Staff lift their lock. */
    public Account unlock(String username) {
        Account account = account(username);
        Map<String, Object> before = account.recordedState();
        account.unlock();
        changes.recordUpdate(account, before);
        LOG.info(() -> "Account " + account.getId() + " unlocked by staff.");
        return account;
    }

    /** Clients blocked from the account's user name now (after repeated failed logins), for staff to see. */
    public long blockedClients(String username) {
        return throttle.blockedClients(Account.normalise(username));
    }

    /**
     * The first-start staff account: for the librarian {@link #ADMIN_EMPLOYEE_NUMBER} (created
     * when absent). The password must meet the policy like any other.
     */
    public Account openAdmin(String username, String password) {
        PasswordPolicy.refusal(username, password).ifPresent(reason -> {
            throw new IllegalStateException("The admin password given to the server " + reason + ".");
        });
        Librarian admin = em.createQuery("SELECT l FROM Librarian l WHERE l.employeeNumber = :number", Librarian.class)
                .setParameter("number", ADMIN_EMPLOYEE_NUMBER).getResultList().stream().findFirst()
                .orElseGet(() -> {
                    Librarian created = new Librarian(EmployeeNumber.of(ADMIN_EMPLOYEE_NUMBER), "Administrator", EmailAddress.of("admin@library.invalid"));
                    em.persist(created);
                    changes.record(ChangeAction.CREATED, created);
                    return created;
                });
        return persist(Account.forLibrarian(username, hash(password), admin, clock.instant()));
    }

    public static final String ADMIN_EMPLOYEE_NUMBER = "E0000";

    /**
     * Demo accounts, all with one password: user name = member number or employee number (lower
     * case). One hash serves them all, since hashing is deliberately slow and they share the
     * password anyway; only the demo data calls this.
     */
    public void openDemoAccounts(List<Member> members, List<Librarian> librarians, String password) {
        String hash = hash(password);
        Instant now = clock.instant();
        members.forEach(m -> persistDemo(Account.forMember(m.getMemberNumber(), hash, m, now)));
        librarians.forEach(l -> persistDemo(Account.forLibrarian(l.getEmployeeNumber(), hash, l, now)));
    }

    private void persistDemo(Account account) {
        account.markDemo();
        em.persist(account);
        changes.record(ChangeAction.CREATED, account);
    }

    /**
     * Removes the accounts the demo data opened (their password is published): on every start that
     * is not a demo's, so that they never exist on a server that was not started for one.
     *
     * @return how many there were
     */
    public int removeDemoAccounts() {
        List<Account> demo = em.createQuery("SELECT a FROM Account a WHERE a.demo = :demo", Account.class)
                .setParameter("demo", true).getResultList();
        for (Account account : demo) {
            em.remove(account);
            changes.record(ChangeAction.DELETED, account);
        }
        return demo.size();
    }

    /** How many staff accounts exist: the first start creates one when there is none. */
    public long staffAccounts() {
        return em.createNamedQuery(Account.COUNT_STAFF, Long.class).getSingleResult();
    }

    /** A person changes their own password only; staff set others' with {@link #resetPassword}. */
    private static void requireOwner(String username) {
        String me = Identity.current().map(Identity::name).orElse(null);
        if (me == null || !me.equals(Account.normalise(username))) {
            throw new AccessDeniedException("You may change only your own password.");
        }
    }

    private void setPassword(Account account, String newPassword) {
        PasswordPolicy.refusal(account.getUsername(), newPassword).ifPresent(reason -> {
            throw new InvalidInputException(List.of(new FieldViolation("newPassword", reason)));
        });
        account.changePassword(hash(newPassword), clock.instant());
        changes.record(ChangeAction.UPDATED, account); // the time of the change is in its state: never the same
        verified.forget(account.getUsername());
        LOG.info(() -> "Password of account " + account.getId() + " changed.");
    }

    private void checkNew(AccountData data) {
        inputs.valid(data);
        PasswordPolicy.refusal(data.username(), data.password()).ifPresent(reason -> {
            throw new InvalidInputException(List.of(new FieldViolation("password", reason)));
        });
        if (byUsername(data.username()).isPresent()) {
            throw new UsernameTakenException(Account.normalise(data.username()));
        }
    }

    private Account persist(Account account) {
        em.persist(account);
        Writes.flush(em, "account", account.getUsername(), constraint -> constraint.contains("UQ_ACCOUNTS_USERNAME")
                ? new UsernameTakenException(account.getUsername())
                : new AlreadyHasAccountException("The " + account.getRole().name().toLowerCase(java.util.Locale.ROOT)));
        changes.record(ChangeAction.CREATED, account);
        LOG.info(() -> "Account " + account.getId() + " opened with role " + account.getRole() + ".");
        return account;
    }

    String hash(String password) {
        return hashes.generate(password.toCharArray());
    }

    private Optional<Account> byUsername(String username) {
        return single(em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", Account.normalise(username)).getResultList());
    }

    private static <T> Optional<T> single(List<T> results) {
        return results.stream().findFirst();
    }
}
