package org.library.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.library.platform.InvalidInputException;

/** The header's value read as a key, and the decisions made from a stored request. */
class IdempotencyKeyTest {

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKey.of(null)).isEmpty();
        assertThat(IdempotencyKey.of(List.of())).isEmpty();
    }

    @Test
    void aBareKeyAndTheSameKeyAsAStructuredFieldStringAreOneKey() {
        String uuid = "4f1c2a8e-7d3b-4c1a-9e55-0b6f2d1e8a90";
        assertThat(IdempotencyKey.of(List.of(uuid))).contains(new IdempotencyKey(uuid));
        assertThat(IdempotencyKey.of(List.of("\"" + uuid + "\""))).contains(new IdempotencyKey(uuid));
        assertThat(IdempotencyKey.of(List.of("  " + uuid + " "))).contains(new IdempotencyKey(uuid));
        assertThat(IdempotencyKey.of(List.of("\"a \\\"quoted\\\" key, with a comma \\\\\"")))
                .contains(new IdempotencyKey("a \"quoted\" key, with a comma \\"));
    }

    @Test
    void theLongestKeyIs255Characters() {
        assertThat(IdempotencyKey.of(List.of("k".repeat(255)))).isPresent();
        assertThatThrownBy(() -> IdempotencyKey.of(List.of("k".repeat(256)))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "tab\there", "caf\u00e9", "line\nbreak", "two, values", "\"unclosed\\\"",
            "\"bare \" quote\"", "\"bad \\x escape\""})
    void aValueThatIsNoKeyIsRefusedNamingTheHeader(String value) {
        assertThatThrownBy(() -> IdempotencyKey.of(List.of(value))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("Idempotency-Key")));
    }

    @Test
    void twoHeadersAreRefused() {
        assertThatThrownBy(() -> IdempotencyKey.of(List.of("a", "b"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRequestInProgressIsOfUnknownOutcomeOnceItOutlivedTheLease() {
        Instant claimed = Instant.parse("2026-11-29T10:00:00Z");
        KeyedRequest running = new KeyedRequest("POST", "books", KeyedRequest.State.IN_PROGRESS, null, claimed, null);
        assertThat(running.leaseExpired(claimed.plus(IdempotencyKeys.LEASE))).isFalse();
        assertThat(running.leaseExpired(claimed.plus(IdempotencyKeys.LEASE).plusMillis(1))).isTrue();
        KeyedRequest answered = new KeyedRequest("POST", "books", KeyedRequest.State.DONE, "h", claimed,
                new StoredAnswer(201, "", null));
        assertThat(answered.leaseExpired(claimed.plus(IdempotencyKeys.LEASE.multipliedBy(10)))).isFalse();
    }

    @Test
    void aRetryGoesToTheSameMethodAndPath() {
        KeyedRequest first = new KeyedRequest("POST", "members/7/borrows", KeyedRequest.State.DONE, "h", Instant.EPOCH, null);
        assertThat(first.sameTarget("POST", "members/7/borrows")).isTrue();
        assertThat(first.sameTarget("POST", "members/8/borrows")).isFalse();
        assertThat(first.sameTarget("POST", "members/7/borrows?x=1")).isFalse();
    }

    @Test
    void anAnswerKeepsItsHeadersInOrderAndIsKeptOnlyWhenItFits() {
        String headers = StoredAnswer.headers(java.util.Map.of("Location", "http://h/library/api/books/9",
                "Content-Type", "application/json", "X-Other", "left out"));
        assertThat(headers).isEqualTo("Content-Type: application/json\nLocation: http://h/library/api/books/9\n");
        StoredAnswer answer = new StoredAnswer(201, headers, new byte[] {'{', '}'});
        assertThat(answer.kept()).isTrue();
        assertThat(answer.headerValues()).containsExactly(java.util.Map.entry("Content-Type", "application/json"),
                java.util.Map.entry("Location", "http://h/library/api/books/9"));
        assertThat(new StoredAnswer(200, headers, new byte[StoredAnswer.MAX_BODY_BYTES + 1]).kept()).isFalse();
        assertThat(new StoredAnswer(200, "L: " + "x".repeat(StoredAnswer.MAX_HEADER_CHARS), null).kept()).isFalse();
    }

    @Test
    void theRetentionIsADayAtLeast() {
        assertThat(IdempotencySettings.retention("24")).hasHours(24);
        assertThat(IdempotencySettings.retention(" 72 ")).hasHours(72);
        assertThatThrownBy(() -> IdempotencySettings.retention("23")).hasMessageContaining("library.idempotency.retention-hours")
                .hasMessageContaining("at least 24");
        assertThatThrownBy(() -> IdempotencySettings.retention("a day")).hasMessageContaining("library.idempotency.retention-hours");
    }
}
