package org.library.web.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.library.platform.access.Roles;

/**
 * Who may call each operation, for the OpenAPI document, read from the same {@code @Allowed} that
 * {@link AccessFilter} enforces, so that the document cannot promise another rule than the one
 * that holds: an operation open to anyone takes no credentials (or either kind), one that a scope
 * admits takes a login or an API token (and names its scopes in {@code x-scopes}), one for
 * people only (their own records, {@code /me}) takes a login.
 */
final class OperationAccess {

    private static final Logger LOG = Logger.getLogger(OperationAccess.class.getName());

    /** The scopes a token can hold; the other roles are people's. */
    static final List<String> SCOPES = List.of(Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE,
            Roles.CIRCULATION, Roles.ADMINISTRATION);

    private OperationAccess() {
    }

    /** Each operation's roles, by operation id; empty when the resources cannot be read (no CDI yet). */
    static Map<String, String[]> byOperationId() {
        Map<String, String[]> rules = new HashMap<>();
        BeanManager beans;
        try {
            beans = CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            LOG.warning("The OpenAPI document names no security per operation: CDI is not available to read the resources' rules");
            return rules;
        }
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.isAnnotationPresent(Path.class) || !type.getPackageName().equals(OperationAccess.class.getPackageName())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null && !operation.operationId().isBlank() && isHttp(method)) {
                    rules.put(operation.operationId(), AccessFilter.rule(method, type));
                }
            }
        }
        return rules;
    }

    /** The security requirements of an operation with these roles: any one of them will do. */
    static List<SecurityRequirement> requirements(String[] roles) {
        List<String> allowed = Arrays.asList(roles);
        if (allowed.contains(Roles.ANYONE)) {
            return List.of(scheme("basic"), scheme("bearer"), OASFactory.createSecurityRequirement());
        }
        return scopes(roles).isEmpty() ? List.of(scheme("basic")) : List.of(scheme("basic"), scheme("bearer"));
    }

    /** The scopes among the roles: what an API token needs for the operation. */
    static List<String> scopes(String[] roles) {
        return Arrays.stream(roles).filter(SCOPES::contains).toList();
    }

    private static SecurityRequirement scheme(String name) {
        return OASFactory.createSecurityRequirement().addScheme(name);
    }

    private static boolean isHttp(Method method) {
        return Optional.of(method.getAnnotations()).stream().flatMap(Arrays::stream)
                .map(Annotation::annotationType).anyMatch(type -> type.isAnnotationPresent(HttpMethod.class));
    }
}
