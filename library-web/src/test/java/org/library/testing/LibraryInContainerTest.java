package org.library.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs inside the library deployed on Payara Micro: its fields are injected by the
 * container ({@code @Inject} services, {@code @Resource} data source) and its methods call the
 * services directly, unless marked {@code @RunAsClient}. Arquillian puts the test class itself
 * into the archive; the test helpers it needs in there besides it names with {@link DeployedWith}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class LibraryInContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.library();
    }
}
