package org.library.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
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
import org.library.members.Member;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.InvalidInputException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.Writes;
import org.library.staff.Librarian;

/**
 * Login accounts: checking a password, opening an account for a librarian or a member, changing
 * and resetting passwords. Each public method is one transaction.
 *
 * <p>Repeated failed logins lock an account for a while ({@code library.login.max-failures},
 * default 5 in a row; {@code library.login.lock-minutes}, default 15): a password guesser gets a
 * handful of tries per quarter hour, the owner waits or asks staff for a reset (see
 * {@link LoginAttempts}).
 */
@Stateless
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
    private LoginAttempts attempts;

    @Inject
    private Inputs inputs;

    @Inject
    private Clock clock;

    @PostConstruct
    void configureHashing() {
        hashes.initialize(HASH_PARAMETERS);
    }

    /**
     * Checks a user name and password. A locked account refuses even the right password; an
     * unknown user name costs the same PBKDF2 work as a known one, so that timing does not tell
     * which names exist.
     *
     * @return the caller, when the password is right and the account not locked
     */
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Account> found = byUsername(username);
        if (found.isEmpty()) {
            hashes.verify(password.toCharArray(), verified.decoyHash(hashes));
            LOG.info("Login refused: unknown user name.");
            return Optional.empty();
        }
        Account account = found.get();
        if (account.isLocked(now)) {
            LOG.info(() -> "Login refused: account " + account.getId() + " is locked until " + account.getLockedUntil() + ".");
            return Optional.empty();
        }
        if (verified.matches(account.getUsername(), account.getPasswordHash(), password, now)) {
            return Optional.of(account.caller());
        }
        if (!hashes.verify(password.toCharArray(), account.getPasswordHash())) {
            attempts.failed(account.getId(), now);
            return Optional.empty();
        }
        verified.remember(account.getUsername(), account.getPasswordHash(), password, now);
        if (account.getFailedLogins() > 0 || account.getLockedUntil() != null) {
            attempts.succeeded(account.getId());
        }
        return Optional.of(account.caller());
    }

    /** The logged-in caller behind a user name the container has authenticated. */
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

    /** The owner changes their password, proving it with the current one (which counts as a login attempt). */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = account(username);
        if (currentPassword == null || authenticate(username, currentPassword).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldViolation("currentPassword", "is not your current password")));
        }
        setPassword(account, newPassword);
    }

    /** Staff set a new password, e.g. for a member who forgot theirs; this also lifts a lock. */
    public void resetPassword(String username, String newPassword) {
        setPassword(account(username), newPassword);
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
                    Librarian created = new Librarian(ADMIN_EMPLOYEE_NUMBER, "Administrator", "admin@library.invalid");
                    em.persist(created);
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
        members.forEach(m -> em.persist(Account.forMember(m.getMemberNumber(), hash, m, now)));
        librarians.forEach(l -> em.persist(Account.forLibrarian(l.getEmployeeNumber(), hash, l, now)));
    }

    /** How many staff accounts exist: the first start creates one when there is none. */
    public long staffAccounts() {
        return em.createNamedQuery(Account.COUNT_STAFF, Long.class).getSingleResult();
    }

    private void setPassword(Account account, String newPassword) {
        PasswordPolicy.refusal(account.getUsername(), newPassword).ifPresent(reason -> {
            throw new InvalidInputException(List.of(new FieldViolation("newPassword", reason)));
        });
        account.changePassword(hash(newPassword), clock.instant());
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
