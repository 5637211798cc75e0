package org.library.testing;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every integration test deploys: the very {@code library.war} the build produced
 * (the one the run command serves), plus what every in-container test needs there: the shared
 * test data, its superclass, the staff identity, AssertJ. Arquillian adds the test class itself;
 * a test names any other helper with {@link DeployedWith}.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive library() {
        File war = new File(System.getProperty("library.war", "target/library.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClass(TestData.class)
                .addClass(Deployments.class)
                .addClass(ActingAsStaff.class)
                .addClasses(LibraryInContainerTest.class, DeployedWith.class)
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
    }

    /** The jar a test-scope class came from, to ship it with an in-container test. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
