package org.library.web.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.platform.idempotency.IdempotencyConflictException;
import org.library.platform.idempotency.IdempotencyKey;
import org.library.platform.idempotency.IdempotencyKeyReusedException;
import org.library.platform.idempotency.IdempotencyKeys;
import org.library.platform.idempotency.KeyedRequest;
import org.library.platform.idempotency.RequestFingerprint;
import org.library.platform.idempotency.StoredAnswer;

/**
 * Safe retries of every POST of the API: a POST sent with an {@code Idempotency-Key} header runs
 * once per key and caller, and a retry with the same key and the same request gets the first
 * answer again — status, {@code Location}, body, plus {@code Idempotent-Replayed: true} — without
 * running it. One filter for every POST, present and future; without the header nothing changes.
 *
 * <ol>
 * <li>After authentication and the access check (a refused caller never reaches a key), the key
 * is claimed in the database ({@link IdempotencyKeys#claim}), committed before the request runs.
 * <li>The request that claimed it runs; its body is fingerprinted as the resource reads it
 * ({@link RequestFingerprint}: constant memory, for a CSV upload of any size), and the rest of
 * it, should the resource stop early, when the answer is recorded. The answer — any status below
 * 500; a refusal is an answer too — is recorded with the fingerprint before it is sent. A 5xx
 * changed nothing and gives the key back, so that a retry runs afresh; except a commit whose
 * outcome is unknown, whose claim stays and ends as "outcome unknown".
 * <li>A request that finds the key claimed: for another endpoint, or with a body whose
 * fingerprint differs, 422; answered, the answer is replayed; still running, it waits up to
 * {@link IdempotencyKeys#WAIT} for the answer (409 after that), and a claim older than
 * {@link IdempotencyKeys#LEASE} is 409 "outcome unknown": never a second effect.
 * </ol>
 */
@Provider
@Priority(Priorities.USER) // after AccessFilter (AUTHENTICATION, AUTHORIZATION)
public class IdempotentPosts implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    /** Marks a replayed answer. */
    static final String REPLAYED = "Idempotent-Replayed";

    private static final String HELD = IdempotentPosts.class.getName() + ".held";

    /** The first pause between two looks at a key in progress, doubled up to {@link #LONGEST_PAUSE_MS}. */
    private static final long FIRST_PAUSE_MS = 20;
    private static final long LONGEST_PAUSE_MS = 500;

    private static final Logger LOG = Logger.getLogger(IdempotentPosts.class.getName());

    /** The 422 of a POST, in the OpenAPI document. */
    static final String REUSED_DESCRIPTION = "The Idempotency-Key was used by you for another request (another endpoint or "
            + "another body): a retry repeats the first request exactly; a new request needs a new key.";

    private volatile IdempotencyKeys keys;
    private volatile Clock clock;

    /** The key this request holds, its body as fingerprinted, and the answer's status and headers once known. */
    private static final class Held {
        final IdempotencyKey key;
        final FingerprintedBody body;
        int status;
        Map<String, String> headers;

        Held(IdempotencyKey key, FingerprintedBody body) {
            this.key = key;
            this.body = body;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        Optional<IdempotencyKey> sent = IdempotencyKey.of(request.getHeaders().get(IdempotencyKey.HEADER));
        if (sent.isEmpty()) {
            return;
        }
        IdempotencyKey key = sent.get();
        String method = request.getMethod();
        String path = target(request);
        long deadline = System.nanoTime() + IdempotencyKeys.WAIT.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            if (keys().claim(key, method, path)) {
                FingerprintedBody body = new FingerprintedBody(request.getEntityStream(),
                        keys().fingerprint(request.getHeaderString(HttpHeaders.CONTENT_TYPE)));
                request.setEntityStream(body);
                request.setProperty(HELD, new Held(key, body));
                return;
            }
            Optional<KeyedRequest> existing = keys().existing(key);
            if (existing.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_PROGRESS, key);
                }
                continue; // given back or expired since: claim it again
            }
            KeyedRequest first = existing.get();
            if (!first.sameTarget(method, path)) {
                throw new IdempotencyKeyReusedException(key);
            }
            if (first.state() != KeyedRequest.State.IN_PROGRESS) {
                replay(request, key, first);
                return;
            }
            if (first.leaseExpired(clock().instant())) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Kind.OUTCOME_UNKNOWN, key);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_PROGRESS, key);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IdempotencyConflictException(IdempotencyConflictException.Kind.IN_PROGRESS, key);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    /** The first answer again, if this request is the first one's retry: the same body (the endpoint was compared before). */
    private void replay(ContainerRequestContext request, IdempotencyKey key, KeyedRequest first) throws IOException {
        RequestFingerprint fingerprint = keys().fingerprint(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        try (FingerprintedBody body = new FingerprintedBody(request.getEntityStream(), fingerprint)) {
            if (!body.finish().equals(first.requestHash())) {
                throw new IdempotencyKeyReusedException(key);
            }
        }
        StoredAnswer answer = first.answer();
        if (!answer.kept()) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Kind.ANSWER_NOT_KEPT, key);
        }
        Response.ResponseBuilder again = Response.status(answer.status()).header(REPLAYED, "true");
        answer.headerValues().forEach(again::header);
        if (answer.body() != null) {
            again.entity(answer.body());
        }
        request.abortWith(again.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(HELD) instanceof Held held)) {
            return;
        }
        if (response.getStatus() >= 500) {
            request.removeProperty(HELD);
            if (!outcomeUnknown(response)) {
                record(held, () -> keys().release(held.key));
            }
            return;
        }
        held.status = response.getStatus();
        held.headers = new HashMap<>();
        for (String name : StoredAnswer.KEPT_HEADERS) {
            held.headers.put(name, response.getHeaderString(name));
        }
        if (secret(response)) {
            request.removeProperty(HELD);
            complete(held, null, false);
        } else if (!response.hasEntity()) {
            request.removeProperty(HELD);
            complete(held, null, true);
        }
        // else the answer is recorded once its body is written (aroundWriteTo)
    }

    /**
     * The body of the answer of a request that holds a key: written into memory first, recorded,
     * then sent, so that the client never has an answer the database does not (a retry after it
     * is replayed, never run). A body larger than what is kept is sent as it is written instead.
     */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(HELD) instanceof Held held)) {
            context.proceed();
            return;
        }
        context.removeProperty(HELD);
        if (context.getMediaType() != null) {
            held.headers.put(HttpHeaders.CONTENT_TYPE, context.getMediaType().toString());
        }
        OutputStream client = context.getOutputStream();
        Capture capture = new Capture(client);
        context.setOutputStream(capture);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(client);
        }
        complete(held, capture.overflowed ? null : capture.toByteArray(), !capture.overflowed);
        if (!capture.overflowed) {
            capture.writeTo(client);
        }
    }

    /** Records the answer, its body kept or, when it was too large, only its status. */
    private void complete(Held held, byte[] body, boolean kept) {
        Optional<String> hash = held.body.finishQuietly();
        if (hash.isEmpty()) {
            // the rest of the body could not be read: which request this was is unknown, so no retry may
            // be taken for it; the key goes back and a retry runs again
            LOG.warning(() -> "The body of a request with an idempotency key could not be read to its end; the key is given back.");
            record(held, () -> keys().release(held.key));
            return;
        }
        String headers = StoredAnswer.headers(held.headers);
        record(held, !kept
                ? () -> keys().completeUnkept(held.key, hash.get(), held.status)
                : () -> keys().complete(held.key, hash.get(), new StoredAnswer(held.status, headers, body)));
    }

    /**
     * Records the outcome; a failure to (the database went away after the request ran) leaves the
     * claim in progress, which a retry is told has an unknown outcome, and never spoils the answer.
     */
    private static void record(Held held, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The outcome of the request with the idempotency key " + held.key
                    + " could not be recorded; a retry with it will be told its outcome is unknown");
        }
    }

    /**
     * An answer marked {@code Cache-Control: no-store}, such as one that shows a secret once (a new
     * API token): never written to the table, where it would outlive its showing by a day. Its
     * retries are told that the answer was not kept.
     */
    private static boolean secret(ContainerResponseContext response) {
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store");
    }

    /** The 503 for a commit that failed with its outcome unknown ({@link UnexpectedExceptionMapper}): maybe it took effect. */
    private static boolean outcomeUnknown(ContainerResponseContext response) {
        return response.getEntity() instanceof Problem problem
                && problem.type().toString().equals(Problem.TYPE_BASE + UnexpectedExceptionMapper.OUTCOME_UNKNOWN);
    }

    /** The path below the API with its query: what a retry repeats exactly. */
    private static String target(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    private IdempotencyKeys keys() {
        if (keys == null) {
            keys = CDI.current().select(IdempotencyKeys.class).get();
        }
        return keys;
    }

    private Clock clock() {
        if (clock == null) {
            clock = CDI.current().select(Clock.class).get();
        }
        return clock;
    }

    /**
     * A request body that feeds a fingerprint with every byte read; closing it, or finishing the
     * fingerprint, reads the rest first, so that the fingerprint covers the whole body whatever
     * part of it the resource read.
     */
    static final class FingerprintedBody extends FilterInputStream {

        private final RequestFingerprint fingerprint;
        private String hash;

        FingerprintedBody(InputStream body, RequestFingerprint fingerprint) {
            super(body == null ? InputStream.nullInputStream() : body);
            this.fingerprint = fingerprint;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && hash == null) {
                fingerprint.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && hash == null) {
                fingerprint.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes are read, so that they are fingerprinted too
            return read(new byte[(int) Math.min(n, 8192)]);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The fingerprint of the whole body: the rest of it read first. */
        String finish() throws IOException {
            if (hash == null) {
                byte[] rest = new byte[8192];
                while (read(rest, 0, rest.length) >= 0) {
                    // fingerprinted by read
                }
                hash = fingerprint.finish();
            }
            return hash;
        }

        Optional<String> finishQuietly() {
            try {
                return Optional.of(finish());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                finish();
            } finally {
                super.close();
            }
        }
    }

    /** The answer's body, in memory up to what is kept; past that, written through to the client. */
    private static final class Capture extends OutputStream {

        private final OutputStream client;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean overflowed;

        Capture(OutputStream client) {
            this.client = client;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!overflowed && kept.size() + length > StoredAnswer.MAX_BODY_BYTES) {
                overflowed = true;
                kept.writeTo(client);
                kept.reset();
            }
            if (overflowed) {
                client.write(bytes, offset, length);
            } else {
                kept.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (overflowed) {
                client.flush();
            }
        }

        byte[] toByteArray() {
            return kept.toByteArray();
        }

        void writeTo(OutputStream out) throws IOException {
            kept.writeTo(out);
        }
    }
}
