package org.library.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reverse proxies the operator trusts to say who the client is: the MicroProfile Config
 * property {@value ClientAddress#TRUSTED_PROXIES} (a comma-separated list of addresses or
 * networks, e.g. {@code -Dlibrary.http.trusted-proxies=10.0.0.5,10.1.0.0/16} or
 * {@code LIBRARY_HTTP_TRUSTED_PROXIES=…}), read and checked once, when the application starts: an
 * entry that is no address or network stops the deployment.
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Logger LOG = Logger.getLogger(TrustedProxies.class.getName());

    @Inject
    @ConfigProperty(name = ClientAddress.TRUSTED_PROXIES)
    Optional<String> setting;

    private List<ClientAddress.Network> networks;

    @PostConstruct
    void check() {
        try {
            networks = setting.map(ClientAddress::networks).orElse(List.of());
        } catch (IllegalArgumentException e) {
            // logged here as well: Payara reports the failed deployment without this cause
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    /** Makes the bean, and so checks the setting, when the application starts rather than at the first login. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "Trusted proxies: " + networks.size());
    }

    /** The client's address as the login throttles count it (behind trusted proxies, the forwarded one). */
    public String client(HttpServletRequest request) {
        return ClientAddress.of(request, networks);
    }
}
