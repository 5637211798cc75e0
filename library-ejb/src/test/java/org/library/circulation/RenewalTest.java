package org.library.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What "renew all" tells a member about a loan it did not renew: the reason, without the single renewal's preamble. */
class RenewalTest {

    @Test
    void aRuleRefusalIsAnsweredWithItsReasonAlone() {
        RenewalRefusedException refusal = new RenewalRefusedException("another member has reserved \"Emma\".");

        Renewal answer = Renewal.refused(null, "reserved-by-another-member", refusal);

        assertThat(refusal.getMessage()).isEqualTo("The loan cannot be renewed: another member has reserved \"Emma\".");
        assertThat(answer.reason()).isEqualTo("another member has reserved \"Emma\".");
        assertThat(answer.refusal()).isEqualTo("reserved-by-another-member");
        assertThat(answer.renewed()).isFalse();
        assertThat(answer.dueOn()).isNull();
    }

    @Test
    void anyOtherRefusalIsAnsweredWithItsWholeMessage() {
        NotBorrowedException refusal = new NotBorrowedException("M000101", "Emma");

        Renewal answer = Renewal.refused(null, refusal.code(), refusal);

        assertThat(answer.reason()).isEqualTo(refusal.getMessage());
        assertThat(answer.refusal()).isEqualTo("book-not-borrowed");
    }
}
