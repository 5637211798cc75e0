package org.library.platform.access;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.library.platform.AccessDeniedException;

/**
 * The services' own access check: before a business method of a {@link Guarded} service runs, the
 * identity the thread works for ({@link Identity}) must have one of the roles its {@link Allowed}
 * names (the method's, else its class's, else staff only). The front doors check first and answer
 * in their own terms (401/403 problems, the login page); this is the same rule again, where the
 * data is, for every door present and future.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AccessGuard {

    private static final Map<Method, String[]> RULES = new ConcurrentHashMap<>();

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        String[] allowed = RULES.computeIfAbsent(method, m -> rule(m, invocation.getTarget().getClass()));
        permit(allowed, Identity.current().orElse(null), method);
        return invocation.proceed();
    }

    /**
     * The roles a method allows: its own {@link Allowed}, else its class's, else staff only. Asked
     * by the services' check and by the front doors' (a resource method is ruled the same way).
     */
    public static String[] rule(Method method, Class<?> target) {
        Allowed allowed = method.getAnnotation(Allowed.class);
        for (Class<?> type = target; allowed == null && type != null && type != Object.class; type = type.getSuperclass()) {
            allowed = type.getAnnotation(Allowed.class);
        }
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(Allowed.class);
        }
        return allowed == null ? new String[] {Roles.STAFF} : allowed.value();
    }

    /** @throws AccessDeniedException unless {@code identity} has one of the roles (or anyone may) */
    static void permit(String[] allowed, Identity identity, Method method) {
        if (Arrays.asList(allowed).contains(Roles.ANYONE)) {
            return;
        }
        if (identity == null) {
            throw new AccessDeniedException("Log in first: " + describe(method) + " needs a library account.");
        }
        if (!identity.hasAnyRole(allowed)) {
            throw new AccessDeniedException(refusal(allowed));
        }
    }

    /** Why a caller without one of the {@code allowed} roles is refused: the same words from every door. */
    public static String refusal(String... allowed) {
        List<String> roles = Arrays.asList(allowed);
        if (roles.contains(Roles.CARD_HOLDER)) {
            return "Your account may not do this.";
        }
        List<String> scopes = roles.stream().filter(Roles.SCOPES::contains).toList();
        return scopes.isEmpty() ? "Only library staff may do this."
                : "Only library staff, or an API token with the scope " + String.join(" or ", scopes) + ", may do this.";
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
