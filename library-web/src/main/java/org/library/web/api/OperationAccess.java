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
import org.library.platform.access.AccessGuard;
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

    private static final String OPERATION = "org.eclipse.microprofile.openapi.annotations.Operation";

    private static final Map<String, String[]> RULES = new ConcurrentHashMap<>();

    <T> void resource(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> discovered) {
        Class<T> type = discovered.getAnnotatedType().getJavaClass();
        if (!type.getPackageName().equals(OperationAccess.class.getPackageName())) {
            return;
        }
        for (Method method : type.getMethods()) {
            String operationId = operationId(method);
            if (!operationId.isBlank() && isHttp(method)) {
                RULES.put(operationId, AccessGuard.rule(method, type));
            }
        }
    }

    /** Each operation's roles, by operation id. */
    static Map<String, String[]> byOperationId() {
        return Map.copyOf(RULES);
    }

    /** The scopes among the roles: what an API token needs for the operation. */
    static List<String> scopes(String[] roles) {
        return Arrays.stream(roles).filter(Roles.SCOPES::contains).toList();
    }


    /**
     * The method's {@code @Operation(operationId)}, read by the annotation's name: this extension is
     * loaded on servers without MicroProfile OpenAPI too (GlassFish), where the annotation is absent
     * and nothing here may link to its types.
     */
    private static String operationId(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().equals(OPERATION)) {
                try {
                    return (String) annotation.annotationType().getMethod("operationId").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return "";
    }

    private static boolean isHttp(Method method) {
        return Optional.of(method.getAnnotations()).stream().flatMap(Arrays::stream)
                .map(Annotation::annotationType).anyMatch(type -> type.isAnnotationPresent(HttpMethod.class));
    }
}
