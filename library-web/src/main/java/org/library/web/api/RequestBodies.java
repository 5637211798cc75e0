package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.library.platform.FieldViolation;

/**
 * Every request body the API reads is bounded before anything reads it: a JSON body (a record of a
 * few hundred bytes) by {@code library.limits.json-body-bytes}, a CSV upload by
 * {@code library.limits.csv-body-bytes} ({@link BodyLimits}, read by {@link ApiSettings}). A declared length over the limit is refused at once; a
 * body without one (chunked) is cut where it passes the limit. Either way the answer is 413 with
 * a problem document, and a JSON body is never parsed.
 *
 * <p>JSON bodies are small, so they are read here whole (at most the limit) and their nesting
 * checked: the API's records are flat, and a body nested deeper than {@value #MAX_JSON_DEPTH}
 * levels is a 400 naming {@code body}, before any parser or mapper recurses into it.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestBodies implements ContainerRequestFilter {

    static final int MAX_JSON_DEPTH = 16;

    private final long jsonLimit;
    private final long csvLimit;

    public RequestBodies() {
        BodyLimits limits = CDI.current().select(ApiSettings.class).get().bodyLimits();
        jsonLimit = limits.jsonBytes();
        csvLimit = limits.csvBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean csv = type != null && type.isCompatible(MediaType.valueOf(ImportsResource.CSV));
        long limit = csv ? csvLimit : jsonLimit;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit, request));
            return;
        }
        if (csv) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
            return;
        }
        byte[] body = request.getEntityStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            request.abortWith(tooLarge(limit, request));
            return;
        }
        if (depth(body) > MAX_JSON_DEPTH) {
            request.abortWith(Problem.invalid(List.of(new FieldViolation("body",
                    "nests objects or arrays deeper than " + MAX_JSON_DEPTH + " levels")), request.getUriInfo().getRequestUri())
                    .toResponse());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    static Response tooLarge(long limit, ContainerRequestContext request) {
        return Problem.of("body-too-large", "Request body too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body may be at most " + limit + " bytes here; nothing was read from it.",
                request.getUriInfo().getRequestUri()).toResponse();
    }

    /** The deepest nesting of objects and arrays in a JSON text, outside its strings. */
    static int depth(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped character, whatever it is
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * A body that passed its limit while being read (a streamed CSV upload without a declared
     * length); the rows read before it stay imported, as after any other failure mid-file.
     */
    public static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        final long limit;

        TooLargeException(long limit) {
            super("The request body passed its limit of " + limit + " bytes");
            this.limit = limit;
        }

        /** The exception in a chain of causes, if one is there (readers wrap what streams throw). */
        static java.util.Optional<TooLargeException> in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof TooLargeException tooLarge) {
                    return java.util.Optional.of(tooLarge);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(limit);
            }
        }
    }

    /**
     * The 413 answer for a failure caused by a body that passed its limit while being read (the
     * JSON reader or the CSV import wraps what the stream threw), if that is what it was.
     */
    static java.util.Optional<Response> tooLarge(Throwable failure, java.net.URI instance) {
        return TooLargeException.in(failure).map(e -> Problem.of("body-too-large", "Request body too large",
                Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body may be at most " + e.limit
                        + " bytes here; nothing of the request was done (an import is received whole before it starts).",
                instance).toResponse());
    }
}
