package org.library.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.circulation.CirculationService;
import org.library.circulation.Hold;
import org.library.circulation.Loan;
import org.library.circulation.NoCopyAvailableException;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.testing.ActingAsStaff;
import org.library.testing.LibraryInContainerTest;
import org.library.testing.TestData;

/**
 * One log line per circulation event and per refusal, with ids only: listened to in the container,
 * on the component's logger, while the services run.
 */
@ExtendWith(ActingAsStaff.class)
class CirculationLogIT extends LibraryInContainerTest {

    @Inject
    CatalogService catalog;

    @Inject
    MemberService members;

    @Inject
    CirculationService circulation;

    @Test
    void eachCirculationEventAndRefusalIsOneLogLineWithIdsOnly() {
        Author author = catalog.createAuthor(new AuthorData("Logged Author", null, null));
        Book book = catalog.createBook(new BookData(Isbn.of(TestData.isbn()), "A Logged Title", null, 1, author.getId()));
        String email = TestData.email("logged reader");
        Member reader = members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Logged Reader", EmailAddress.of(email), null, null));
        Member waiting = members.create(new MemberData(MemberNumber.of(TestData.memberNumber()), "Logged Waiter", EmailAddress.of(TestData.email("w")), null, null));

        List<String> lines = new ArrayList<>();
        Loan loan;
        Hold hold;
        try (LogCapture log = new LogCapture("org.library.circulation")) {
            loan = circulation.borrow(reader.getId(), book.getId());
            assertThatThrownBy(() -> circulation.borrow(waiting.getId(), book.getId()))
                    .isInstanceOf(NoCopyAvailableException.class);
            hold = circulation.placeHold(waiting.getId(), book.getId());
            circulation.giveBack(reader.getId(), book.getId());
            circulation.cancelHold(waiting.getId(), hold.getId());
            lines.addAll(log.lines);
        }

        long m = reader.getId();
        long w = waiting.getId();
        long b = book.getId();
        assertThat(lines).containsSubsequence(
                "loan made loan=" + loan.getId() + " member=" + m + " book=" + b,
                "loan refused member=" + w + " book=" + b + " reason=no-copy-available",
                "hold placed hold=" + hold.getId() + " member=" + w + " book=" + b,
                "hold cancelled hold=" + hold.getId() + " member=" + w + " book=" + b);
        assertThat(lines).contains(
                "loan returned loan=" + loan.getId() + " member=" + m + " book=" + b,
                "hold ready hold=" + hold.getId() + " member=" + w + " book=" + b);
        assertThat(String.join("\n", lines)).doesNotContain("Logged Reader", "Logged Waiter", email,
                reader.getMemberNumber(), "A Logged Title", book.getIsbn());
    }

    /** The INFO records of one logger while open. */
    static final class LogCapture extends Handler implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Logger logger;
        private final Level previous;

        LogCapture(String name) {
            logger = Logger.getLogger(name);
            previous = logger.getLevel();
            logger.setLevel(Level.INFO);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
