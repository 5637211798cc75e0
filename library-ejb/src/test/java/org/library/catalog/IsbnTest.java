package org.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest
    @CsvSource({
            "9780141439518, 9780141439518",
            "978-0-14-143951-8, 9780141439518",
            "978 0 14 143951 8, 9780141439518",
            "ISBN 978-0-14-143951-8, 9780141439518",
            "ISBN-13: 978-0-14-143951-8, 9780141439518",
            "0141439513, 9780141439518",
            "0-14-143951-3, 9780141439518",
            "080442957X, 9780804429573",
            "080442957x, 9780804429573",
            "9791032300824, 9791032300824",
    })
    void validFormsNormaliseToTheSameIsbn13(String input, String expected) {
        assertThat(Isbn.parse(input)).map(Isbn::value).contains(expected);
        assertThat(Isbn.parse(input)).contains(Isbn.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9780141439519",   // ISBN-13 with a wrong check digit
            "0141439514",      // ISBN-10 with a wrong check digit
            "9770141439518",   // a 13-digit EAN that is not in the Bookland 978/979 range
            "X141439513",      // X only stands for 10 in the check position
            "978014143951",    // 12 digits
            "97801414395188",  // 14 digits
            "97801414395a8",
            "abc",
            "\u0660\u0661\u0664\u0661\u0664\u0663\u0669\u0665\u06613", // Arabic-Indic digits whose arithmetic from '0' sums to a multiple of 11
            "\uFF10\uFF11\uFF14\uFF11\uFF14\uFF13\uFF19\uFF15\uFF11\uFF13", // 0141439513 in full-width digits
            "978\u0660\u0661\u0664\u0661\u0664\u0663\u0669\u0665\u06618",
    })
    void invalidIsbnsAreRejected(String input) {
        assertThat(Isbn.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingIsbnIsNoIsbn(String input) {
        assertThat(Isbn.parse(input)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anInputTooLongToBeAnIsbnIsRefusedWithoutBeingScanned() {
        assertThat(Isbn.parse(" ".repeat(100_000) + "9780141439518")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aBookStoresItsIsbnNormalisedAndEqualsABookOfAnyFormOfIt() {
        Book fromIsbn10 = new Book(Isbn.of("0-14-143951-3"), "Pride and Prejudice", 1813, 2);
        Book fromIsbn13 = new Book(Isbn.of("978-0-14-143951-8"), "Pride and Prejudice", 1813, 2);
        assertThat(fromIsbn10.getIsbn()).isEqualTo("9780141439518");
        assertThat(fromIsbn10).isEqualTo(fromIsbn13).hasSameHashCodeAs(fromIsbn13);
    }

    @org.junit.jupiter.api.Test
    void digitsOfOtherScriptsAreRefusedEvenWhenTheirCheckDigitAddsUp() {
        // 978-0-14-143951-8 with a full-width 3 (U+FF13) in the middle, and a check digit computed
        // with the same (ch - '0') arithmetic, which once let it pass and be stored as typed
        String body = "9780" + '\uFF13' + "4143951";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        String forged = body + (char) ('0' + (10 - Math.floorMod(sum, 10)) % 10);
        assertThat(Isbn.parse(forged)).isEmpty();
        assertThat(Isbn.parse("\u0660\u0661\u0664\u0661\u0664\u0663\u0669\u0665\u0661\u0663")).isEmpty(); // 0141439513 in Arabic-Indic
        assertThat(Isbn.parse("\uFF10\uFF11\uFF14\uFF11\uFF14\uFF13\uFF19\uFF15\uFF11\uFF13")).isEmpty(); // and full-width
    }
}
