package org.library.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The class behind the application's datasource ({@link DatabaseMigration}): connects to the
 * database the operator names in the settings {@code library.db.url}, {@code library.db.user} and
 * {@code library.db.password} — MicroProfile Config properties like every other setting (a JVM
 * system property, an environment variable such as {@code LIBRARY_DB_URL}, or any other source of
 * the server's) — and by default to today's embedded Derby database {@code library}
 * under Derby's system directory. The server pools its connections as before.
 *
 * <p>Why a class of our own rather than placeholders in {@code @DataSourceDefinition}: the
 * annotation's attributes are constants, and only Payara expands {@code ${MPCONFIG=…}} or
 * {@code ${ENV=…}} in them; the driver's class name would have to vary as well. This class gives
 * Payara Micro, Payara Server and GlassFish the same two or three settings, read the same way,
 * and needs nothing configured in the server. The server's pool, not CDI, makes this object, so it
 * asks MicroProfile Config itself, for the configuration of the application that holds this class
 * (the pool may connect on a thread of the server's). The JDBC drivers the application ships (embedded
 * and network Derby, PostgreSQL) are found through {@link ServiceLoader} in the application's
 * class loader, not {@code DriverManager}, which was initialised long before by the server's.
 */
public class LibraryDataSource implements DataSource {

    /** The embedded Derby database {@code library} in {@code derby.system.home}, created when absent. */
    public static final String DEFAULT_URL = "jdbc:derby:library;create=true";

    public static final String URL_SETTING = "library.db.url";
    public static final String USER_SETTING = "library.db.user";
    public static final String PASSWORD_SETTING = "library.db.password";

    private static final Logger LOG = Logger.getLogger(LibraryDataSource.class.getPackageName());

    /**
     * Whether the configured database runs inside this process (embedded Derby): then a restart of
     * the process is a cure for a database that cannot start, which the liveness check says.
     */
    public static boolean isEmbedded() {
        String url = setting(URL_SETTING).orElse(DEFAULT_URL);
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    private volatile Target target;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** The URL, driver and credentials, read once: the first connection is made at deployment. */
    private record Target(String url, Driver driver, Properties credentials) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target t = target();
        return connect(t, t.credentials());
    }

    /**
     * With the given credentials, or the configured ones when none are given: GlassFish's pool asks
     * with the definition's user and password, which are empty (the settings hold them).
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Target t = target();
        if (username == null || username.isBlank()) {
            return connect(t, t.credentials());
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return connect(t, credentials);
    }

    private static Connection connect(Target t, Properties credentials) throws SQLException {
        Connection connection = t.driver().connect(t.url(), credentials);
        if (connection == null) { // the driver's way of saying "not my URL"; acceptsURL said otherwise
            throw new SQLException("The JDBC driver " + t.driver().getClass().getName() + " refused " + redacted(t.url()));
        }
        return connection;
    }

    private Target target() throws SQLException {
        Target t = target;
        if (t == null) {
            synchronized (this) {
                t = target;
                if (t == null) {
                    String url = setting(URL_SETTING).orElse(DEFAULT_URL);
                    Properties credentials = new Properties();
                    setting(USER_SETTING).ifPresent(user -> credentials.setProperty("user", user));
                    setting(PASSWORD_SETTING).ifPresent(password -> credentials.setProperty("password", password));
                    t = new Target(url, driverFor(url, LibraryDataSource.class.getClassLoader()), credentials);
                    String user = credentials.getProperty("user");
                    LOG.info("Database: " + redacted(url) + (user == null ? "" : " as " + user));
                    target = t;
                }
            }
        }
        return t;
    }

    /**
     * A database setting from MicroProfile Config; or, where the server has set none up for the
     * application yet, from MicroProfile Config's two default sources read the same way: GlassFish 7
     * connects the pool while it prepares the application, before it starts MicroProfile Config
     * for it ("No ConfigProviderResolver implementation found"). There the database settings must
     * be system properties or environment variables.
     */
    private static Optional<String> setting(String name) {
        Optional<String> value;
        try {
            Config config = ConfigProvider.getConfig(LibraryDataSource.class.getClassLoader());
            value = config.getOptionalValue(name, String.class);
        } catch (IllegalStateException noConfigYet) {
            LOG.fine(() -> "No MicroProfile Config yet (" + noConfigYet.getMessage() + "): " + name
                    + " from the system property or the environment");
            value = Optional.ofNullable(System.getProperty(name))
                    .or(() -> environmentNames(name).stream().map(System::getenv).filter(v -> v != null).findFirst());
        }
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The environment variables MicroProfile Config looks for a property in, in its order: the
     * name itself, with every character but letters and digits as {@code _}, and that in capitals
     * ({@code library.db.url}: {@code LIBRARY_DB_URL}).
     */
    static List<String> environmentNames(String property) {
        String underscored = property.replaceAll("[^A-Za-z0-9]", "_");
        return List.of(property, underscored, underscored.toUpperCase(Locale.ROOT));
    }

    /** The first JDBC driver visible to {@code loader} that accepts {@code url}. */
    static Driver driverFor(String url, ClassLoader loader) throws SQLException {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                Driver driver = drivers.next();
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (ServiceConfigurationError | SQLException e) {
                // a driver on the class path that cannot load (a missing dependency) is no reason to fail
                LOG.fine(() -> "Skipped a JDBC driver: " + e);
            }
        }
        throw new SQLException("No JDBC driver accepts the URL " + redacted(url) + " (" + URL_SETTING + "); the application "
                + "ships drivers for jdbc:derby:, jdbc:derby://host:port/ and jdbc:postgresql:", "08001");
    }

    /**
     * The URL without its parameters, for logs and messages: they may hold a password
     * ({@code ?password=…}, {@code ;password=…}).
     */
    static String redacted(String url) {
        int end = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end < url.length() ? url.substring(0, end) + "…" : url;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
