package org.library.web.api;

import static org.library.platform.SettingValues.longNumber;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The REST API's settings, MicroProfile Config properties read (numbers as text:
 * {@link org.library.platform.SettingValues} says why) and checked once, when the application
 * starts (a value refused stops the deployment): the largest request bodies
 * ({@link BodyLimits}) and whether responses report their SQL statements
 * ({@link SqlStatementsHeader}).
 *
 * <p>The API's filters are made by JAX-RS, not CDI, and take this bean through
 * {@code CDI.current()}.
 */
@ApplicationScoped
public class ApiSettings {

    static final String SQL_STATEMENTS_HEADER = "library.sql-statements-header";

    private static final Logger LOG = Logger.getLogger(ApiSettings.class.getName());

    @Inject
    @ConfigProperty(name = BodyLimits.JSON_LIMIT, defaultValue = BodyLimits.DEFAULT_JSON_LIMIT)
    String jsonBodyBytes;

    @Inject
    @ConfigProperty(name = BodyLimits.CSV_LIMIT, defaultValue = BodyLimits.DEFAULT_CSV_LIMIT)
    String csvBodyBytes;

    /** Off by default: it tells about the internals. */
    @Inject
    @ConfigProperty(name = SQL_STATEMENTS_HEADER, defaultValue = "false")
    boolean sqlStatementsHeader;

    private BodyLimits bodyLimits;

    @PostConstruct
    void check() {
        try {
            bodyLimits = new BodyLimits(longNumber(BodyLimits.JSON_LIMIT, jsonBodyBytes),
                    longNumber(BodyLimits.CSV_LIMIT, csvBodyBytes));
        } catch (IllegalArgumentException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Makes the bean, and so checks the settings, when the application starts rather than at the first request. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Request body limits: " + bodyLimits);
    }

    BodyLimits bodyLimits() {
        return bodyLimits;
    }

    boolean sqlStatementsHeader() {
        return sqlStatementsHeader;
    }
}
