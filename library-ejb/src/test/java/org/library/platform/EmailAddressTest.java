package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ada@example.org|ada@example.org",
            "Ada.Lovelace@Example.ORG|ada.lovelace@example.org",
            "  ada+library@example.org |ada+library@example.org",
            "o'brien@example.co.uk|o'brien@example.co.uk",
            "ada@localhost|ada@localhost",
            "ada@bücher.de|ada@bücher.de",
    })
    void anAddressTypedInAnyCaseOrWithSpaceAroundIsStoredInLowerCase(String input, String stored) {
        assertThat(EmailAddress.parse(input)).map(EmailAddress::value).contains(stored);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "not-an-email",
            "@example.org",
            "ada@",
            "ada@@example.org",
            "ada..lovelace@example.org",
            ".ada@example.org",
            "ada lovelace@example.org",
            "ada@-example.org",
            "ada@example-.org",
            "ada@exa_mple.org",
            "ada@example..org",
    })
    void anythingElseIsNoAddress(String input) {
        assertThat(EmailAddress.parse(input)).isEmpty();
    }

    @Test
    void aLocalPartOverSixtyFourCharactersOrAnAddressOverTheColumnIsRefused() {
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.org")).isPresent();
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.org")).isEmpty();
        String longest = "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(57) + ".org";
        assertThat(longest).hasSize(Limits.EMAIL_LENGTH + 1);
        assertThat(EmailAddress.parse(longest)).isEmpty();
        assertThat(EmailAddress.parse(longest.replaceFirst("e", ""))).isPresent(); // one shorter: the longest there is
    }

    @Test
    void anInputFarTooLongIsRefusedWithoutBeingScanned() {
        assertThat(EmailAddress.parse(" ".repeat(100_000) + "ada@example.org")).isEmpty();
    }
}
