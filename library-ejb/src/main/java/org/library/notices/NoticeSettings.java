package org.library.notices;

import static org.library.platform.SettingValues.wholeNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the library sends its e-mails, from MicroProfile Config, checked when the application
 * starts (a value refused stops the deployment, with the setting's name). Without
 * {@value #HOST} nothing is sent and no notice is made: a deployment with no settings mails
 * nobody. With it, {@value #FROM} and {@value #PUBLIC_URL} are required too (a notice names its
 * sender and links to the member's page).
 */
@ApplicationScoped
public class NoticeSettings {

    static final String HOST = "library.mail.host";
    static final String PORT = "library.mail.port";
    static final String TLS = "library.mail.tls";
    static final String USER = "library.mail.user";
    static final String PASSWORD = "library.mail.password";
    static final String FROM = "library.mail.from";
    static final String LIBRARY_NAME = "library.name";
    static final String PUBLIC_URL = "library.public-url";
    static final String DUE_SOON_DAYS = "library.notices.due-soon-days";
    static final String DIGEST_HOUR = "library.notices.digest-hour";
    static final String RETRY_HOURS = "library.notices.retry-hours";

    /** How long a connection to the mail server, and each step of a conversation with it, may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(NoticeSettings.class.getName());

    /** How the connection to the mail server is secured. */
    public enum Tls {
        /** Plain SMTP, then STARTTLS, required (port 587, the default). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SSL,
        /** No TLS: a relay on the same host or network only. */
        NONE
    }

    /** The checked settings; {@code host} empty when mail is off. */
    record Values(Optional<String> host, int port, Tls tls, Optional<String> user, Optional<String> password,
                  InternetAddress from, String libraryName, String publicUrl, int dueSoonDays, int digestHour,
                  Duration retry) {
    }

    @Inject
    @ConfigProperty(name = HOST)
    Optional<String> host;

    @Inject
    @ConfigProperty(name = PORT)
    Optional<String> port;

    @Inject
    @ConfigProperty(name = TLS, defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = USER)
    Optional<String> user;

    @Inject
    @ConfigProperty(name = PASSWORD)
    Optional<String> password;

    @Inject
    @ConfigProperty(name = FROM)
    Optional<String> from;

    @Inject
    @ConfigProperty(name = LIBRARY_NAME, defaultValue = "Library")
    String libraryName;

    @Inject
    @ConfigProperty(name = PUBLIC_URL)
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = DUE_SOON_DAYS, defaultValue = "3")
    String dueSoonDays;

    @Inject
    @ConfigProperty(name = DIGEST_HOUR, defaultValue = "7")
    String digestHour;

    @Inject
    @ConfigProperty(name = RETRY_HOURS, defaultValue = "24")
    String retryHours;

    private Values values;

    @PostConstruct
    void check() {
        try {
            values = values(host, port, tls, user, password, from, libraryName, publicUrl, dueSoonDays, digestHour, retryHours);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage()); // Payara reports the failed deployment without this cause
            throw e;
        }
    }

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info(() -> values.host().isEmpty() ? "E-mail notices are off (" + HOST + " is not set)."
                : "E-mail notices go through " + values.host().get() + ":" + values.port() + " (" + values.tls() + ").");
    }

    /** @throws IllegalArgumentException naming the setting refused */
    static Values values(Optional<String> host, Optional<String> port, String tls, Optional<String> user,
                         Optional<String> password, Optional<String> from, String libraryName, Optional<String> publicUrl,
                         String dueSoonDays, String digestHour, String retryHours) {
        Optional<String> server = present(host);
        Tls security;
        try {
            security = Tls.valueOf(tls.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TLS + " must be starttls, ssl or none, was '" + tls.strip() + "'");
        }
        int portNumber = present(port).map(p -> wholeNumber(PORT, p)).orElse(security == Tls.SSL ? 465 : security == Tls.STARTTLS ? 587 : 25);
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalArgumentException(PORT + " must be a port number (1 to 65535), was " + portNumber);
        }
        int days = wholeNumber(DUE_SOON_DAYS, dueSoonDays);
        if (days < 0 || days > 60) {
            throw new IllegalArgumentException(DUE_SOON_DAYS + " must be between 0 and 60 (days), was " + days);
        }
        int hour = wholeNumber(DIGEST_HOUR, digestHour);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException(DIGEST_HOUR + " must be an hour of the day, 0 to 23, was " + hour);
        }
        int retry = wholeNumber(RETRY_HOURS, retryHours);
        if (retry < 1 || retry > 168) {
            throw new IllegalArgumentException(RETRY_HOURS + " must be between 1 and 168 (hours), was " + retry);
        }
        String name = libraryName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(LIBRARY_NAME + " must be a name of 1 to 100 characters on one line");
        }
        InternetAddress sender = null;
        String base = null;
        if (server.isPresent()) {
            String address = present(from).orElseThrow(() -> new IllegalArgumentException(FROM + " is required when " + HOST + " is set"));
            try {
                sender = new InternetAddress(address, true);
                sender.setPersonal(name, "UTF-8");
            } catch (AddressException | java.io.UnsupportedEncodingException e) {
                throw new IllegalArgumentException(FROM + " must be an e-mail address, was '" + address + "'");
            }
            base = present(publicUrl).orElseThrow(() -> new IllegalArgumentException(PUBLIC_URL
                    + " is required when " + HOST + " is set: the notices link to the member's page"));
            URI uri;
            try {
                uri = URI.create(base);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(PUBLIC_URL + " must be the http(s) address the library's pages are reached at, "
                        + "such as https://library.example.org/library, was '" + base + "'");
            }
            base = base.replaceAll("/+$", "");
        }
        return new Values(server, portNumber, security, present(user), present(password), sender, name, base, days, hour,
                Duration.ofHours(retry));
    }

    private static Optional<String> present(Optional<String> setting) {
        return setting.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Whether the library sends e-mail at all. */
    public boolean enabled() {
        return values.host().isPresent();
    }

    Values values() {
        return values;
    }

    /** A mail session for the configured server, with bounded timeouts: a hanging server never holds a sender. */
    Session session() {
        Values v = values;
        Properties properties = new Properties();
        String protocol = v.tls() == Tls.SSL ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", v.host().orElseThrow());
        properties.put("mail." + protocol + ".port", Integer.toString(v.port()));
        properties.put("mail." + protocol + ".auth", Boolean.toString(v.user().isPresent()));
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail." + protocol + ".writetimeout", Long.toString(TIMEOUT.toMillis()));
        if (v.tls() == Tls.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (v.tls() != Tls.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }
}
