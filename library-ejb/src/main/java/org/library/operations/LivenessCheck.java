package org.library.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive: the application answers, and its heap is not exhausted. It deliberately does not touch
 * the database: a database outage makes the application not ready ({@link DatabaseReadinessCheck}),
 * and restarting it would not help, which is what a failing liveness check asks an orchestrator to do.
 * A heap still over {@value #HEAP_LIMIT_PERCENT}% full after the collector ran (the usage after the
 * last collection) is the state from which only a restart recovers.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    static final int HEAP_LIMIT_PERCENT = 95;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        long afterCollection = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        long percent = max > 0 ? afterCollection * 100 / max : 0;
        return HealthCheckResponse.named("application")
                .status(percent < HEAP_LIMIT_PERCENT)
                .withData("heapUsedAfterLastCollectionPercent", percent)
                .build();
    }
}
