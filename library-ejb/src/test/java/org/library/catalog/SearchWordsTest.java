package org.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsSplitAtEverythingButLettersAndDigits() {
        assertThat(SearchWords.of("Brontë's  WUTHERING-Heights, 1847!"))
                .containsExactly("bronte", "s", "wuthering", "heights", "1847");
    }

    @Test
    void lettersOfEveryScriptAreWordsToo() {
        assertThat(SearchWords.of("Достоевский: Бесы; 村上 春樹")).containsExactly("достоевскии", "бесы", "村上", "春樹");
    }

    @Test
    void eachWordOnceInOrderOfAppearance() {
        assertThat(SearchWords.of("The Night of the Night")).containsExactly("the", "night", "of");
    }

    @Test
    void aWordLongerThanTheColumnIsCutAsTheSearchCutsIt() {
        String longWord = "a".repeat(SearchWords.MAX_LENGTH + 5);
        assertThat(SearchWords.of(longWord)).containsExactly("a".repeat(SearchWords.MAX_LENGTH));
    }

    @Test
    void nothingSearchableInPunctuationOrNothing() {
        assertThat(SearchWords.of(" -- ?! ")).isEmpty();
        assertThat(SearchWords.of(null)).isEmpty();
    }

    @Test
    void aBookIsFoundByTheWordsOfItsTitleAndOfItsAuthorsName() {
        assertThat(SearchWords.ofBook("Persuasion", "Jane Austen")).containsExactly("persuasion", "jane", "austen");
    }

    @Test
    void aSearchIsWholeWordsAndAStarTruncatesTheWordItEnds() {
        assertThat(CatalogService.SearchTerm.parse("  Secret   gard* O'Brien* ")).containsExactly(
                new CatalogService.SearchTerm("secret", false), new CatalogService.SearchTerm("gard", true),
                new CatalogService.SearchTerm("o", false), new CatalogService.SearchTerm("brien", true));
    }
}
