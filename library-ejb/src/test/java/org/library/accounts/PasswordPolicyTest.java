package org.library.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void generatedPasswordsAreLongUnambiguousAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = PasswordPolicy.generate();
            assertThat(password).hasSize(20).doesNotContainPattern("[0O1lI]");
            assertThat(PasswordPolicy.refusal("admin", password)).isEmpty();
            assertThat(seen.add(password)).isTrue();
        }
    }

    @Test
    void tooShortTooLongOrContainingTheUserNameIsRefused() {
        assertThat(PasswordPolicy.refusal("reader", "short")).contains("must be 10 to 128 characters");
        assertThat(PasswordPolicy.refusal("reader", "x".repeat(129))).contains("must be 10 to 128 characters");
        assertThat(PasswordPolicy.refusal("reader", "my Reader password")).contains("must not contain the user name");
        assertThat(PasswordPolicy.refusal("reader", "aaaaaaaaaaaa")).contains("must not repeat the same few characters");
        assertThat(PasswordPolicy.refusal("reader", null)).contains("is required");
        assertThat(PasswordPolicy.refusal("reader", "correct horse battery staple")).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // ten emoji are ten characters (twenty UTF-16 units)
        assertThat(PasswordPolicy.refusal("reader", "😀😁😂🤣😃😄😅😆😉😊")).isEmpty();
    }
}
