package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    record Input(String name, String note, Integer year) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Jane Austen", "Émile Zola", "Льва Толстого", "二十四の瞳", "line one\nline two\r\n\tindented", "a\u00A0b"})
    void acceptsWhatAPersonTypesWithLineBreaksAndTabs(String text) {
        assertThat(PlainText.isPlain(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u001B[31mred", "bell\u0007", "del\u007F", "c1\u0085", "\u0000"})
    void refusesNulEscapeAndTheOtherControlCharacters(String text) {
        assertThat(PlainText.isPlain(text)).isFalse();
        assertThatThrownBy(() -> PlainText.require("q", text))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("q"));
    }

    @Test
    void namesEachTextComponentOfARecordThatIsNotPlain() {
        assertThat(PlainText.violations(new Input("Ann\u0000", "ok\nfine", 1900)))
                .extracting(FieldViolation::field).containsExactly("name");
        assertThat(PlainText.violations(new Input("Ann", null, null))).isEmpty();
        assertThat(PlainText.violations("not a record \u0000")).isEmpty();
    }

    @Test
    void aSearchTextWithANulIsRefusedNamingItsField() {
        assertThatThrownBy(() -> SearchText.bounded("q", "a\u0000b"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("q"));
        assertThat(SearchText.bounded("q", "  winter\ttale ")).isEqualTo("winter\ttale");
    }
}
