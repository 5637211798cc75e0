package org.library.platform.idempotency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first answer to a request sent with an idempotency key, as a replay gives it again: its
 * status, the headers that describe it ({@link #KEPT_HEADERS}), and its body as written.
 *
 * @param headers the kept headers, one {@code Name: value} a line
 * @param body    the body's bytes, {@code null} for an answer without one
 * @param kept    {@code false} for an answer too large to keep: its status alone is known
 */
public record StoredAnswer(int status, String headers, byte[] body, boolean kept) {

    /** An answer as it was given, kept when it fits ({@link #fits}). */
    public StoredAnswer(int status, String headers, byte[] body) {
        this(status, headers, body, fits(headers, body == null ? 0 : body.length));
    }

    /** The headers a replay repeats: what the answer is and where its record lives. */
    public static final java.util.List<String> KEPT_HEADERS = java.util.List.of("Content-Type", "Location",
            "Content-Location", "ETag");

    /**
     * The largest body kept. The API's answers are records, problem documents and import reports
     * (at most a thousand refused rows listed): far below this. A larger one is not kept, and a
     * replay says so ({@link IdempotencyConflictException.Kind#ANSWER_NOT_KEPT}).
     */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** The most the kept headers take (URIs built from the request's Host, which the client chose). */
    public static final int MAX_HEADER_CHARS = 8000;

    /** The kept headers of an answer, in the form stored; {@code null} values are left out. */
    public static String headers(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (String name : KEPT_HEADERS) {
            String value = values.get(name);
            if (value != null) {
                text.append(name).append(": ").append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** Whether an answer with these headers and this body fits where answers are kept. */
    public static boolean fits(String headers, int bodyBytes) {
        return headers != null && headers.length() <= MAX_HEADER_CHARS && bodyBytes <= MAX_BODY_BYTES;
    }

    /** The kept headers by name, in the order stored. */
    public Map<String, String> headerValues() {
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            for (String line : headers.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    values.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
