package org.library.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.library.platform.FieldViolation;

class WebhookTargetsTest {

    @Test
    void httpAndHttpsUrlsWithAHostAreTaken() {
        assertThat(WebhookTargets.refusal("https://hooks.example.org/library")).isEmpty();
        assertThat(WebhookTargets.refusal("http://127.0.0.1:8081/in?x=1")).isEmpty();
        assertThat(WebhookTargets.refusal("HTTPS://[::1]:9000/")).isEmpty();
    }

    @Test
    void otherSchemesUserInfoFragmentsAndNonUrlsAreRefused() {
        assertThat(WebhookTargets.refusal("ftp://example.org/")).hasValueSatisfying(r -> assertThat(r).contains("http or https"));
        assertThat(WebhookTargets.refusal("file:///etc/passwd")).hasValueSatisfying(r -> assertThat(r).contains("http or https"));
        assertThat(WebhookTargets.refusal("javascript:alert(1)")).isPresent();
        assertThat(WebhookTargets.refusal("/relative/path")).hasValueSatisfying(r -> assertThat(r).contains("http or https"));
        assertThat(WebhookTargets.refusal("https://user:pw@example.org/")).hasValueSatisfying(r -> assertThat(r).contains("user name"));
        assertThat(WebhookTargets.refusal("https://example.org/#x")).hasValueSatisfying(r -> assertThat(r).contains("fragment"));
        assertThat(WebhookTargets.refusal("https:///nohost")).hasValueSatisfying(r -> assertThat(r).contains("host"));
        assertThat(WebhookTargets.refusal("https://exa mple.org/")).hasValueSatisfying(r -> assertThat(r).contains("not a URL"));
        assertThat(WebhookTargets.refusal("")).hasValue("is required");
        assertThat(WebhookTargets.refusal(null)).hasValue("is required");
    }

    @Test
    void aUrlLongerThanTheColumnIsRefused() {
        String base = "https://example.org/";
        assertThat(WebhookTargets.refusal(base + "a".repeat(WebhookEndpoint.URL_LENGTH - base.length()))).isEmpty();
        assertThat(WebhookTargets.refusal(base + "a".repeat(WebhookEndpoint.URL_LENGTH - base.length() + 1)))
                .hasValueSatisfying(r -> assertThat(r).contains("at most 500"));
    }

    @Test
    void eventTypesAreKnownNamesOrAWholeRecordTypeEachOnce() {
        List<FieldViolation> violations = new ArrayList<>();
        assertThat(WebhookTargets.eventTypes(List.of("book.created", "loan.*", "book.created"), violations))
                .containsExactly("book.created", "loan.*");
        assertThat(violations).isEmpty();

        WebhookTargets.eventTypes(List.of("book.exploded", "planet.created", "book", "*.created"), violations);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("eventTypes");
            assertThat(v.message()).contains("book.exploded", "planet.created");
        });
    }

    @Test
    void everyEventIsAStarOrNoListAtAllButAnEmptyListIsRefused() {
        List<FieldViolation> violations = new ArrayList<>();
        assertThat(WebhookTargets.eventTypes(null, violations)).containsExactly("*");
        assertThat(WebhookTargets.eventTypes(List.of("book.created", "*"), violations)).containsExactly("*");
        assertThat(violations).isEmpty();
        assertThat(WebhookTargets.eventTypes(List.of(), violations)).isEmpty();
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("at least one"));
    }

    @Test
    void anEndpointGetsTheEventsItNamesOrEveryEventForAStar() {
        assertThat(WebhookTargets.matches(List.of("*"), "member.updated")).isTrue();
        assertThat(WebhookTargets.matches(List.of(), "member.updated")).isFalse();
        assertThat(WebhookTargets.matches(List.of("book.created"), "book.created")).isTrue();
        assertThat(WebhookTargets.matches(List.of("book.created"), "book.updated")).isFalse();
        assertThat(WebhookTargets.matches(List.of("loan.*"), "loan.returned")).isTrue();
        assertThat(WebhookTargets.matches(List.of("loan.*"), "hold.placed")).isFalse();
    }
}
