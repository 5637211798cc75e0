package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aSealedSecretOpensToItselfAndHoldsNoneOfItsText() {
        SecretBox box = new SecretBox(key(1));
        String secret = WebhookSignatures.generate();
        String sealed = box.seal(secret);
        assertThat(sealed).doesNotContain(secret.substring(6, 20));
        assertThat(sealed.length()).isLessThanOrEqualTo(200); // the column
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThat(box.seal(secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyOrAnAlteredValueIsRefused() {
        String sealed = new SecretBox(key(1)).seal("whsec_x");
        assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed)).isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        String altered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> new SecretBox(key(1)).open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyA256BitKeyIsTaken() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
