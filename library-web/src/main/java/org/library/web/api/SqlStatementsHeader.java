package org.library.web.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.library.platform.SqlStatements;

/**
 * Reports in {@code X-SQL-Statements} how many SQL statements answering the request took, when
 * the operator (or the test suite, or the benchmark) switches it on with
 * {@code -Dlibrary.sql-statements-header=true} (a MicroProfile Config property, read by
 * {@link ApiSettings}). Off by default: it tells about the internals.
 */
@Provider
public class SqlStatementsHeader implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-SQL-Statements";

    private final boolean enabled = CDI.current().select(ApiSettings.class).get().sqlStatementsHeader();

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            SqlStatements.resetCurrentThread();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled) {
            response.getHeaders().putSingle(HEADER, SqlStatements.currentThread());
        }
    }
}
