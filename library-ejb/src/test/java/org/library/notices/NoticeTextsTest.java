package org.library.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.library.notices.NoticeTexts.DueLoan;
import org.library.notices.NoticeTexts.Message;
import org.library.notices.NoticeTexts.ReadyHold;

class NoticeTextsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static final String LINK = "https://library.example.org/library/member.xhtml?id=7";

    @Test
    void theDigestNamesOnlyTheSectionsThatHaveSomethingInItsSubjectAndBody() {
        Message digest = NoticeTexts.digest("City Library", "Ada", TODAY, List.of(),
                List.of(new DueLoan("Emma", "Jane Austen", TODAY.plusDays(2))), List.of(), LINK);

        assertThat(digest.subject()).isEqualTo("City Library: 1 loan due soon");
        assertThat(digest.text()).contains("Dear Ada,", "Due soon:", "\u201CEmma\u201D by Jane Austen, due Tuesday 1 December 2026",
                "Your loans and holds: " + LINK).doesNotContain("Overdue", "Ready for you");
        assertThat(digest.html()).contains("<h3>Due soon</h3>", "<a href=\"" + LINK + "\">");
    }

    @Test
    void theDigestCountsOverdueDaysAndSaysWhenALoanIsDueToday() {
        Message digest = NoticeTexts.digest("Library", "Ada", TODAY,
                List.of(new DueLoan("Late", "A", TODAY.minusDays(1)), new DueLoan("Later", "B", TODAY.minusDays(5))),
                List.of(new DueLoan("Now", "C", TODAY)), List.of(new ReadyHold("Kept", "D", TODAY.plusDays(3))), LINK);

        assertThat(digest.subject()).isEqualTo("Library: 2 loans overdue, 1 loan due soon, 1 hold ready to pick up");
        assertThat(digest.text()).contains("(1 day ago)", "(5 days ago)", "due today, Sunday 29 November 2026",
                "\u201CKept\u201D by D, pick up by Wednesday 2 December 2026");
    }

    @Test
    void recordValuesAreEscapedInTheHtmlPartAndKeptAsTheyAreInThePlainText() {
        Message ready = NoticeTexts.holdReady("Library", "<script>alert(1)</script>",
                new ReadyHold("Tom & Jerry <b>", "O'Brien \"Quote\"", TODAY), LINK);

        assertThat(ready.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; Jerry &lt;b&gt;",
                "O&#39;Brien &quot;Quote&quot;").doesNotContain("<script>", "<b>");
        assertThat(ready.text()).contains("Dear <script>alert(1)</script>,", "\u201CTom & Jerry <b>\u201D by O'Brien \"Quote\"");
    }

    @Test
    void aSubjectIsOneLineOfAtMost200Characters() {
        Message ready = NoticeTexts.holdReady("Library", "Ada", new ReadyHold("Line\r\nBreak " + "x".repeat(300), "A", TODAY), LINK);

        assertThat(ready.subject()).doesNotContain("\r", "\n").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aLongListIsCutToItsFirstLinesAndLongTitlesAreShortenedSoTheMessageFitsItsColumns() {
        List<DueLoan> many = IntStream.range(0, 40).mapToObj(i -> new DueLoan("&".repeat(500) + i, "<".repeat(200), TODAY.minusDays(1)))
                .toList();
        List<ReadyHold> holds = IntStream.range(0, 40).mapToObj(i -> new ReadyHold("&".repeat(500), "<".repeat(200), TODAY)).toList();

        Message digest = NoticeTexts.digest("L".repeat(100), "N".repeat(200), TODAY, many, many, holds, LINK);

        assertThat(digest.text()).contains("and 32 more, on your loans page").hasSizeLessThanOrEqualTo(16_000);
        assertThat(digest.html()).hasSizeLessThanOrEqualTo(30_000);
    }
}
