package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInBase64url() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            made.add(WebhookSignatures.generate());
        }
        assertThat(made).hasSize(50).allMatch(s -> s.matches("whsec_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBodyInHex() throws Exception {
        // RFC 4231 test case 2 keyed with the secret's characters, as a receiver computes it
        String secret = "Jefe";
        String body = "what do ya want ";
        String signature = WebhookSignatures.signature(secret, 0, "for nothing?");
        assertThat(signature).isEqualTo("v1=" + hmac("Jefe", "0.for nothing?"));
        assertThat(WebhookSignatures.signature(secret, 1_764_400_000L, body)).isEqualTo("v1=" + hmac(secret, "1764400000." + body))
                .matches("v1=[0-9a-f]{64}");
        // a known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(WebhookSignatures.signature("key", 1, "x")).isNotEqualTo(WebhookSignatures.signature("key", 2, "x"));
        assertThat(hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anotherSecretOrBodyOrTimestampMakesAnotherSignature() {
        String base = WebhookSignatures.signature("whsec_a", 100, "{}");
        assertThat(WebhookSignatures.signature("whsec_b", 100, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignatures.signature("whsec_a", 101, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignatures.signature("whsec_a", 100, "{ }")).isNotEqualTo(base);
        assertThat(WebhookSignatures.signature("whsec_a", 100, "{}")).isEqualTo(base);
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
