package org.library.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.library.platform.FieldViolation;

/**
 * The server's error pages (web.xml: HTML, for the pages) answered as problem documents for a
 * request whose path, as sent, is under {@code /api/}. Such a request gets there when the API
 * never ran:
 * <ul>
 * <li>the server routed it elsewhere: its path climbs out with encoded dot-segments
 * ({@code /api/books/..%2F..%2Fstatus} is {@code /status} once decoded and normalised), and what is
 * found there (nothing: 404; a static file that cannot be changed: 403) is told through the error
 * page;</li>
 * <li>Jersey refused it before any filter or mapper of the API: a {@code Content-Type} it cannot
 * parse ({@code garbage}, {@code application/json, text/plain}) is a bare 400 from its servlet.</li>
 * </ul>
 * A client of the API sees a problem document all the same.
 */
@WebFilter(filterName = "ApiErrorPages", urlPatterns = "/errors/*", dispatcherTypes = DispatcherType.ERROR)
public class ApiErrorPages extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(uri instanceof String path) || !(code instanceof Integer status)
                || !path.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        Problem problem;
        if (status == 400 && !parses(request.getContentType())) {
            problem = Problem.invalid(List.of(new FieldViolation(HttpHeaders.CONTENT_TYPE,
                    "must be one media type, such as application/json")), instance(path));
        } else {
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String reason = type == null ? "Error" : type.getReasonPhrase();
            problem = new Problem(URI.create(Problem.TYPE_BASE + Problem.code(reason)), reason, status,
                    status == 404 ? "There is no resource at " + path + "." : reason + ".", instance(path), null);
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(problem));
    }

    private static boolean parses(String contentType) {
        try {
            return contentType == null || MediaType.valueOf(contentType) != null;
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
