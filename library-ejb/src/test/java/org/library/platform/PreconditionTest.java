package org.library.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreconditionTest {

    @Test
    void withoutConditionsAWriteCreatesOrReplacesWhateverIsThere() {
        assertThatCode(() -> Precondition.NONE.check("book", "9780141439518", null)).doesNotThrowAnyException();
        assertThatCode(() -> Precondition.NONE.check("book", "9780141439518", 7L)).doesNotThrowAnyException();
    }

    @Test
    void ifMatchNeedsTheRecordAtThatVersion() {
        Precondition version3 = new Precondition(true, 3L, false);

        assertThatCode(() -> version3.check("member", "M000123", 3L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> version3.check("member", "M000123", 4L)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> version3.check("member", "M000123", null)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("no member M000123");
    }

    @Test
    void ifMatchStarNeedsTheRecordAtAnyVersion() {
        Precondition any = new Precondition(true, null, false);

        assertThatCode(() -> any.check("member", "M000123", 9L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> any.check("member", "M000123", null)).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void ifNoneMatchStarCreatesOnly() {
        Precondition createOnly = new Precondition(false, null, true);

        assertThatCode(() -> createOnly.check("book", "9780141439518", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> createOnly.check("book", "9780141439518", 1L)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("exists already");
    }
}
