package org.library.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs in the test's own JVM against the library deployed on Payara Micro, and reaches
 * it over HTTP at {@link #base} (the REST API, the pages, the server's root). Arquillian finds the
 * deployment method here, in the superclass; a subclass declares no other.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class LibraryDeploymentTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library();
    }

    /** The deployed application, e.g. {@code http://host:port/library/}. */
    @ArquillianResource
    protected URL base;

    /** {@link #base}, for helpers that act for the test, e.g. a browser. */
    public URL base() {
        return base;
    }
}
