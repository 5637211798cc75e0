package org.library.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a service method ({@link Roles}), on the method or its class; a method of a
 * {@link Guarded} service with neither is staff-only, so that a forgotten annotation closes a
 * door rather than opening one. Not {@code @RolesAllowed}: the EJB container would check that one
 * too, against role mappings each server configures its own way (and timers would need
 * {@code @RunAs} principals); this check needs none and is the same on every server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    String[] value();
}
