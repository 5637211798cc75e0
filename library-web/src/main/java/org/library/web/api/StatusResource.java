package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;

/**
 * A trivial JSON answer that touches neither the services nor the database: the whole HTTP,
 * JAX-RS, security-filter and JSON-B path and nothing else. The benchmark (bench/run.sh) measures
 * it as the ceiling the other endpoints are compared with; a load balancer may poll it too (the
 * readiness of the database is {@code /health/ready}).
 */
@Path("status")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class StatusResource {

    /** What {@code GET /api/status} answers. */
    public record StatusView(String status, Instant time) {
    }

    @Allowed(Roles.ANYONE)
    @GET
    @Operation(operationId = "getStatus", summary = "Is the application up", description = "Always {\"status\":\"UP\",\"time\":…} while the "
            + "application answers at all; no database access.")
    public StatusView status() {
        return new StatusView("UP", Instant.now());
    }
}
