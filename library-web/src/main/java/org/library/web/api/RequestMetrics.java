package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts and times every REST request in the application registry: one timer
 * {@code api.requests} per endpoint (resource class and Java method, e.g.
 * {@code MembersResource.borrow}), HTTP method and status code. On {@code /metrics}:
 * {@code api_requests_seconds_count}, {@code _sum} and {@code _max}.
 *
 * <p>Why a filter rather than {@code @Timed} on the resources: one place covers every resource,
 * present and future; the status is a tag, so that refusals (409) and failures (5xx) are told
 * from successes, which an interceptor around the Java method cannot see (the exception mappers
 * answer after it); and requests no resource matched (404) are counted too. The tags are bounded:
 * the endpoints are the API's methods, never a path with ids in it, and the HTTP methods the known
 * ones.
 *
 * <p>Registered by {@link OperationsFeature} only where MicroProfile Metrics exists; a CDI bean
 * for its registry, which Payara produces for injection points only.
 */
@ApplicationScoped
@PreMatching
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    private static final Metadata TIMER = Metadata.builder().withName("api.requests")
            .withDescription("REST API requests: count and time, by endpoint, HTTP method and status")
            // the unit a timer records in: Payara exports every value of it in seconds (api_requests_seconds_*)
            .withUnit(MetricUnits.NANOSECONDS).build();

    /**
     * The methods named in the tag; any other is "other". A client may send any token as a method
     * (each answered 405), and a timer per token would grow the registry without bound.
     */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Inject
    MetricRegistry registry;

    /** The timers by their tags: the registry's own lookup builds and sorts a metric id per request. */
    private final ConcurrentMap<List<String>, Timer> timers = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started == null) {
            return; // refused before this filter ran (e.g. by authentication): not timed
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - (Long) started);
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
        timers.computeIfAbsent(List.of(endpoint(), method, String.valueOf(response.getStatus())),
                tags -> registry.timer(TIMER, new Tag("endpoint", tags.get(0)), new Tag("method", tags.get(1)),
                        new Tag("status", tags.get(2)))).update(elapsed);
    }

    private String endpoint() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? "unmatched" : resource.getResourceClass().getSimpleName() + "." + method.getName();
    }
}
