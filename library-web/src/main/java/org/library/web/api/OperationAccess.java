package org.library.web.api;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A CDI extension, because the document is built on the server's own thread, where this
 * application's CDI container cannot be asked: the resources are noted as the container discovers
 * them, at deployment, before the document can be asked for.
 */
public class OperationAccess implements Extension {

    private static final Map<String, String[]> RULES = new ConcurrentHashMap<>();

    <T> void resource(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> discovered) {
        Class<T> type = discovered.getAnnotatedType().getJavaClass();
        if (!type.getPackageName().equals(OperationAccess.class.getPackageName())) {
            return;
        }
        for (Method method : type.getMethods()) {
            Operation operation = method.getAnnotation(Operation.class);
            if (operation != null && !operation.operationId().isBlank() && isHttp(method)) {
                RULES.put(operation.operationId(), AccessFilter.rule(method, type));
            }
        }
    }

    /** Each operation's roles, by operation id. */
    static Map<String, String[]> byOperationId() {
        return Map.copyOf(RULES);
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
        return Arrays.stream(roles).filter(Roles.SCOPES::contains).toList();
    }

    private static SecurityRequirement scheme(String name) {
        return OASFactory.createSecurityRequirement().addScheme(name);
    }

    private static boolean isHttp(Method method) {
        return Optional.of(method.getAnnotations()).stream().flatMap(Arrays::stream)
                .map(Annotation::annotationType).anyMatch(type -> type.isAnnotationPresent(HttpMethod.class));
    }
}
