package org.library.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.library.platform.access.Identity;

/**
 * Makes sure someone can log in as staff: on a start with no librarian account, creates the
 * librarian account {@code admin}. Its password is {@code library.admin-password}
 * (a MicroProfile Config property: {@code -Dlibrary.admin-password=…}, the environment variable
 * {@code LIBRARY_ADMIN_PASSWORD}, …) when the operator set one, otherwise a random one printed
 * once in the server log. There is no fixed default password, so a fresh installation is never
 * open to whoever read the manual.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AdminAccount {

    public static final String USERNAME = "admin";
    public static final String PASSWORD_SETTING = "library.admin-password";

    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

    @EJB
    AccountService accounts;

    @Inject
    @ConfigProperty(name = PASSWORD_SETTING)
    Optional<String> givenPassword;

    @PostConstruct
    void createWhenNoStaffCanLogIn() {
        // start-up works for nobody who logged in: as the library itself
        Identity.run(Identity.SYSTEM, this::createAdmin);
    }

    private void createAdmin() {
        if (accounts.staffAccounts() > 0) {
            return;
        }
        Optional<String> given = givenPassword.map(String::strip).filter(p -> !p.isEmpty());
        String password = given.orElseGet(PasswordPolicy::generate);
        accounts.openAdmin(USERNAME, password);
        if (given.isPresent()) {
            LOG.info(() -> "No staff account existed: created the librarian account '" + USERNAME
                    + "' with the password from " + PASSWORD_SETTING + ".");
        } else {
            // the one and only time this password is shown; it is stored as a hash only
            LOG.warning(() -> "No staff account existed: created the librarian account '" + USERNAME
                    + "' with the password " + password + " — shown only this once. Log in and change it.");
        }
    }
}
