package org.library.web.api;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Switches the REST API's request metrics ({@link RequestMetrics}) on where the server has
 * MicroProfile Metrics (Payara). On a server without it (GlassFish) the filter's class could not
 * even load; this feature names no MicroProfile type, so that the API runs there unmeasured.
 */
@Provider
public class OperationsFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (!metricsAvailable()) {
            return false;
        }
        context.register(RequestMetrics.class);
        return true;
    }

    private static boolean metricsAvailable() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, OperationsFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
