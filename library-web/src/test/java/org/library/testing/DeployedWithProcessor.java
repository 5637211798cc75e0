package org.library.testing;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.container.ClassContainer;
import org.jboss.shrinkwrap.api.container.LibraryContainer;

/**
 * Adds the classes a test names with {@link DeployedWith} to its archive; a class that comes from
 * a jar (a test library, such as the SMTP server of the notice tests) brings its whole jar. Arquillian runs
 * application archive processors for in-container ({@code testable}) deployments only, with the
 * concrete test class: the one place where a deployment method shared in a superclass can learn
 * what a subclass needs. Registered in {@code META-INF/services} of the test classes.
 */
public class DeployedWithProcessor implements ApplicationArchiveProcessor {

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        DeployedWith helpers = testClass.getJavaClass().getAnnotation(DeployedWith.class);
        if (helpers == null) {
            return;
        }
        for (Class<?> helper : helpers.value()) {
            File source = sourceOf(helper);
            if (source.isFile()) {
                ((LibraryContainer<?>) archive).addAsLibraries(source);
            } else {
                ((ClassContainer<?>) archive).addClasses(helper);
            }
        }
    }

    private static File sourceOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arquillian's entry point for the processor. */
    public static class Registration implements LoadableExtension {

        @Override
        public void register(ExtensionBuilder builder) {
            builder.service(ApplicationArchiveProcessor.class, DeployedWithProcessor.class);
        }
    }
}
