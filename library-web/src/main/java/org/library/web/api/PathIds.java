package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.library.platform.Numbers;

/**
 * Ids in paths are ASCII digits, written one way. JAX-RS converts a {@code long} path parameter
 * with {@code Long.valueOf}, which also takes "+48", "048", "٤٨" or "４８", and drops matrix
 * parameters ({@code 48;x=y}): one record would answer at many URLs, past caches and logs keyed by
 * the path. Anything else than the id's own digits names no record: 404.
 */
@Provider
@Priority(Priorities.USER)
public class PathIds implements ContainerRequestFilter {

    private static final Map<Method, List<String>> NUMERIC = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (String name : NUMERIC.computeIfAbsent(method, PathIds::numericPathParameters)) {
            String value = uriInfo.getPathParameters().getFirst(name);
            if (value != null && (!Numbers.isAsciiDigits(value) || Numbers.parseLong(value).isEmpty()
                    || value.length() > 1 && value.charAt(0) == '0' || hasMatrixParameters())) {
                request.abortWith(Problem.of("not-found", "Not Found", Response.Status.NOT_FOUND,
                        "There is no resource at " + uriInfo.getPath() + ": ids are whole numbers written in digits 0-9.",
                        uriInfo.getRequestUri()).toResponse());
                return;
            }
        }
    }

    /** {@code /books/1;x=y}: JAX-RS drops the matrix parameters from the id, so it would name book 1 too. */
    private boolean hasMatrixParameters() {
        return uriInfo.getPathSegments().stream().anyMatch(segment -> !segment.getMatrixParameters().isEmpty());
    }

    private static List<String> numericPathParameters(Method method) {
        return java.util.Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(PathParam.class) && isWholeNumber(p))
                .map(p -> p.getAnnotation(PathParam.class).value())
                .toList();
    }

    private static boolean isWholeNumber(Parameter p) {
        Class<?> type = p.getType();
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }
}
