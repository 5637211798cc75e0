package org.library.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of webhook endpoints and the signature of each request: {@code whsec_} and 32 random
 * bytes in base64url; {@code Library-Signature: v1=<hex HMAC-SHA256>} keyed with the secret's
 * characters (UTF-8, prefix included) over {@code <Library-Timestamp>.<body>}. The timestamp is
 * signed with the body so that a receiver that refuses old timestamps also refuses a replayed
 * request; {@code v1=} names the scheme, so that another can be added beside it later.
 */
public final class WebhookSignatures {

    public static final String PREFIX = "whsec_";

    public static final String EVENT_ID = "Library-Event-Id";
    public static final String TIMESTAMP = "Library-Timestamp";
    public static final String SIGNATURE = "Library-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value of {@value #SIGNATURE} for a body sent at {@code timestamp} (unix seconds). */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
