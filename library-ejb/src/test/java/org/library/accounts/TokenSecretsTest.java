package org.library.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInBase64url() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = TokenSecrets.generate();
            assertThat(secret).startsWith("lib_").hasSize(47).matches("lib_[A-Za-z0-9_-]{43}");
            assertThat(TokenSecrets.wellFormed(secret)).isTrue();
            made.add(secret);
        }
        assertThat(made).hasSize(100);
    }

    @Test
    void onlyWellFormedSecretsAreLookedUp() {
        assertThat(TokenSecrets.wellFormed(null)).isFalse();
        assertThat(TokenSecrets.wellFormed("")).isFalse();
        assertThat(TokenSecrets.wellFormed("lib_" + "A".repeat(42))).isFalse();
        assertThat(TokenSecrets.wellFormed("lib_" + "A".repeat(44))).isFalse();
        assertThat(TokenSecrets.wellFormed("xyz_" + "A".repeat(43))).isFalse();
        assertThat(TokenSecrets.wellFormed("lib_" + "A".repeat(42) + "+")).isFalse();
        assertThat(TokenSecrets.wellFormed("lib_" + "A".repeat(43))).isTrue();
    }

    @Test
    void theStoredHashIsTheHexSha256OfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String secret = TokenSecrets.generate();
        assertThat(TokenSecrets.hash(secret)).hasSize(64).isEqualTo(TokenSecrets.hash(secret)).doesNotContain(secret.substring(4));
    }
}
