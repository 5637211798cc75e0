package org.library.web.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The API's OpenAPI document under the application's own path, {@code /library/openapi}, so that
 * the API explorer and client generators work behind a proxy that forwards {@code /library/}
 * only, and on servers without MicroProfile OpenAPI (GlassFish).
 *
 * <p>It is the contract file the build generates the Java client from ({@value #CONTRACT}): the
 * document MicroProfile OpenAPI serves at the server's {@code /openapi}, checked in. The server's
 * document cannot be handed over inside the server (Payara's OpenAPI endpoint is no web context a
 * request can be forwarded to) nor fetched back over HTTP (the listener's address behind a proxy
 * or TLS is unknown); instead {@code OpenApiContractIT} fails the build whenever the two differ,
 * so this file is the served document, and a change of the API shows in review as a change of it.
 */
@WebServlet(urlPatterns = "/openapi")
public class OpenApiDocument extends HttpServlet {

    /** The checked-in contract, a resource of this WAR. */
    public static final String CONTRACT = "/org/library/web/api/openapi.json";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream document = OpenApiDocument.class.getResourceAsStream(CONTRACT)) {
            if (document == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            // the document changes only with a new build: let the explorer cache it for a while
            response.setHeader("Cache-Control", "public, max-age=300");
            document.transferTo(response.getOutputStream());
        }
    }
}
