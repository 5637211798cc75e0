package org.library.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test helpers an in-container test ({@link LibraryInContainerTest}) needs in the deployment
 * besides its own class, e.g. a CDI alternative that replaces the application's clock. Read by
 * {@link DeployedWithProcessor} while Arquillian builds the archive.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DeployedWith {

    Class<?>[] value();
}
