package org.library.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Objects;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.library.platform.DatabaseMigration;
import org.library.platform.LibraryDataSource;

/**
 * Alive: the application answers, its heap is not exhausted, and an embedded database runs. A
 * heap still over {@value #HEAP_LIMIT_PERCENT}% full after the collector ran (the usage after the
 * last collection) is a state from which only a restart recovers; so is an embedded Derby that
 * cannot start again (it lives in this process: the pool connects afresh after it stopped, which
 * boots it, and when even that fails, a restart is what is left). A database server elsewhere
 * (PostgreSQL) is deliberately not asked: its outage makes the application not ready
 * ({@link DatabaseReadinessCheck}), and restarting the application would not cure it, which is
 * what a failing liveness check asks an orchestrator to do.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    private DataSource dataSource;

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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("application")
                .withData("heapUsedAfterLastCollectionPercent", percent);
        boolean databaseRuns = true;
        if (LibraryDataSource.isEmbedded()) {
            databaseRuns = DatabaseReadinessCheck.answers(dataSource);
            response.withData("embeddedDatabase", databaseRuns ? "UP" : "DOWN");
        }
        return response.status(percent < HEAP_LIMIT_PERCENT && databaseRuns).build();
    }
}
