package org.library.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What tells a retry from another request at the same endpoint: a keyed hash (HMAC-SHA256) of the
 * request's content type and body, fed as the body is read, so that a streamed upload of any size
 * is hashed in constant memory. Keyed, not a plain SHA-256: some bodies carry a password (a new
 * account's), and a plain hash of a short JSON text could be guessed back offline from the table;
 * the key is the installation's, so every instance computes the same value.
 *
 * <p>Not thread-safe: one request's body.
 */
public final class RequestFingerprint {

    private final Mac mac;

    RequestFingerprint(byte[] key, String contentType) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        // as sent, less case and spaces: "application/json; charset=UTF-8" is "application/json;charset=utf-8"
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        mac.update(type.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
    }

    public void update(byte[] bytes, int offset, int length) {
        mac.update(bytes, offset, length);
    }

    public void update(byte b) {
        mac.update(b);
    }

    /** The fingerprint, 64 hex digits; the fingerprint cannot be fed afterwards. */
    public String finish() {
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
