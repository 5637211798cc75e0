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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

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
 * the endpoints are the API's methods, never a path with ids in it.
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

    @Inject
    MetricRegistry registry;

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
        registry.timer(TIMER, new Tag("endpoint", endpoint()), new Tag("method", request.getMethod()),
                new Tag("status", String.valueOf(response.getStatus()))).update(elapsed);
    }

    private String endpoint() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? "unmatched" : resource.getResourceClass().getSimpleName() + "." + method.getName();
    }
}
