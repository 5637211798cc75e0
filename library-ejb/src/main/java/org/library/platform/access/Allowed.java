package org.library.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a service method or a REST resource method ({@link Roles}), on the method or its
 * class; a method of a {@link Guarded} service or a resource with neither is staff-only, so that
 * a forgotten annotation closes a door rather than opening one. Not {@code @RolesAllowed}: the
 * EJB container would check that one too, against role mappings each server configures its own
 * way (and timers would need {@code @RunAs} principals), and on a resource Payara adds a filter
 * that authenticates every anonymous request a second time; this check needs none of that and
 * is the same on every server. {@link Roles#ANYONE} opens a method to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    String[] value();
}
