package org.library.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser-side defences every response carries: no MIME sniffing, no framing by other sites
 * (clickjacking), no referrer to other sites, no powerful browser features, and a Content
 * Security Policy that allows scripts, styles and images from this application only.
 *
 * <p>PrimeFaces needs inline scripts. On pages it renders, PrimeFaces sends a second policy
 * itself ({@code primefaces.CSP} in web.xml) that allows only the scripts carrying that
 * response's random nonce; a browser enforces both policies, so the {@code 'unsafe-inline'} of
 * this one never admits an injected script there. Everything else (the API, Swagger UI, static
 * files) gets {@code script-src 'self'} only.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String COMMON = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String PAGE_POLICY = COMMON + "; script-src 'self' 'unsafe-inline' 'unsafe-eval'";
    static final String OTHER_POLICY = COMMON + "; script-src 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        boolean page = isPage(request);
        response.addHeader("Content-Security-Policy", page ? PAGE_POLICY : OTHER_POLICY);
        if (page) {
            // pages show personal data once logged in: never from a shared or back-button cache
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || (path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/"));
    }
}
