package org.library.operations.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.library.testing.Chromium;
import org.library.testing.TestData;
import org.library.testing.WebhookReceiver;

/**
 * Issue 9, scale-out: two real Payara Micro processes serving the same {@code library.war} form one
 * cluster (Payara's Hazelcast data grid, on the loopback interface) and share one PostgreSQL
 * database. Over real HTTP this proves that
 * <ol>
 *   <li>a loan made through one instance is visible through the other at once — the first read
 *       after the borrow's answer, with no retry, even when the other instance read the same book
 *       and member just before; the time from the borrow's answer to the other instance's answer
 *       is measured and printed;</li>
 *   <li>the catalogue each instance keeps ({@code CatalogueCache}) is never stale: a book retitled,
 *       an author renamed, a copy lent through A, or a title changed in the database by hand, is
 *       seen through B by the first read after it, though B had read the same book, search and
 *       list just before;</li>
 *   <li>a borrow whose answer was lost, sent again through the other instance with its
 *       {@code Idempotency-Key}, gets the first answer (status, Location, body) and lends once: the
 *       key is in the shared database, not in either instance;</li>
 *   <li>the last copy, raced for by many members through both instances at once, is lent once:
 *       one 201, every other answer a 409 (or a retryable 503), and the database agrees;</li>
 *   <li>the change feed, read through A and B in turn while both write, gives every change once, in
 *       the order of the log (issue 17): the cursor is a place in the shared database's log;</li>
 *   <li>a webhook event that instance A was delivering when it was killed is delivered by B once
 *       A's lease on it runs out: none is lost (issue 17);</li>
 *   <li>the daily digest, made by both instances' timers at the same second, reaches each member
 *       once: one instance holds the run's lease, and a notice's key is UNIQUE (issue 18);</li>
 *   <li>a catalogue page in Chromium, served by instance B and left open, shows a loan made through
 *       A, and its return, without a reload (issue 18): the push reads the shared change log;</li>
 *   <li>a login on the pages survives the loss of the instance that served it: the session is in
 *       the data grid ({@code <distributable/>}), and after instance A is killed, B — which never
 *       served that session before — serves the staff desk to the same browser cookies as the
 *       logged-in librarian, while a made-up session cookie is sent to the login form.</li>
 * </ol>
 * Run by {@code ./mvnw verify -Pcluster} (docs/operations.md, "Scale-out"), on the database {@code .ci/postgresql}
 * creates. The last test kills instance A, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^\\s*([^=;\\s]+)=([^;]*)");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static PayaraMicroInstance a;
    private static PayaraMicroInstance b;

    /** The mail server both instances send their notices to. */
    private static GreenMail smtp;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path dir = Path.of(System.getProperty("it.dir")).resolve("cluster");
        String clusterName = System.getProperty("it.cluster.name", "library-it");
        int smtpPort = Integer.parseInt(required("it.smtp.port"));
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> options = List.of(
                // notices on, to the test's mail server; every fresh loan is "due soon", and the
                // digest is due from midnight, so that the instances make it whenever the test runs
                "-Dlibrary.mail.host=127.0.0.1", "-Dlibrary.mail.port=" + smtpPort, "-Dlibrary.mail.tls=none",
                "-Dlibrary.mail.from=library@it.example.org", "-Dlibrary.public-url=http://library.it.example.org/library",
                "-Dlibrary.notices.due-soon-days=60", "-Dlibrary.notices.digest-hour=0",
                "-Dlibrary.admin-password=" + TestData.ADMIN_PASSWORD,
                "-Dlibrary.db.url=" + required("it.cluster.db.url"),
                "-Dlibrary.db.user=" + required("it.cluster.db.user"),
                "-Dlibrary.db.password=" + required("it.cluster.db.password"));
        a = new PayaraMicroInstance("a", dir);
        b = new PayaraMicroInstance("b", dir);
        // both members look for A's grid port; B joins A
        String gridMembers = "127.0.0.1:" + a.gridPort;
        // One after the other, as in a rolling start: the first migrates the empty database and
        // creates the admin account; the second finds it there.
        a.start(clusterName, gridMembers, options);
        a.awaitReady(START_TIMEOUT, HTTP);
        b.start(clusterName, gridMembers, options);
        b.awaitReady(START_TIMEOUT, HTTP);
        a.awaitGridMembers(2, Duration.ofMinutes(1));
        b.awaitGridMembers(2, Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void aLoanMadeThroughOneInstanceIsVisibleThroughTheOtherAtOnce() throws Exception {
        long author = create(a, "/authors", "{\"name\":\"Cluster Author\"}");
        long book = create(a, "/books", "{\"isbn\":\"" + TestData.isbn() + "\",\"title\":\"Seen everywhere\",\"copies\":3,\"authorId\":" + author + "}");
        long member = create(a, "/members", memberJson("Cluster Reader"));

        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            // B reads the book and the member first, so that a cache on B, if there were one, holds
            // them; the book's read is also the baseline: a read through B with nothing to catch up on
            long asked = System.nanoTime();
            assertThat(copiesAvailable(b, book)).isEqualTo(3);
            before.add(System.nanoTime() - asked);
            assertThat(borrowedBookIds(b, member)).doesNotContain(book);

            HttpResponse<String> borrowed = send(a, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + book + "}");
            long answered = System.nanoTime();
            assertThat(borrowed.statusCode()).as(borrowed.body()).isEqualTo(201);

            // the very first reads through B after A answered, no retry
            int availableOnB = copiesAvailable(b, book);
            after.add(System.nanoTime() - answered);
            assertThat(availableOnB).as("the book's copies available through B right after the borrow through A").isEqualTo(2);
            assertThat(borrowedBookIds(b, member)).as("the member's books through B right after the borrow through A").contains(book);

            // and back: returned through B, seen through A at once
            HttpResponse<String> returned = send(b, "DELETE", "/api/members/" + member + "/borrows/" + book, null);
            assertThat(returned.statusCode()).as(returned.body()).isIn(200, 204);
            assertThat(copiesAvailable(a, book)).as("returned through B, seen through A").isEqualTo(3);
            assertThat(borrowedBookIds(a, member)).doesNotContain(book);
        }
        report("Visibility across instances, " + rounds + " rounds: the first read through B after the borrow through A "
                + "answered already showed it (no retry); from A's answer to B's answer: median " + millis(median(after))
                + " ms (each round: " + after.stream().map(TwoInstancesIT::millis).toList() + "), the same read through B "
                + "before the borrow: median " + millis(median(before)) + " ms");
    }

    @Test
    @Order(2)
    void aCatalogueEditThroughOneInstanceIsSeenThroughTheOtherAtOnceThoughItKeepsTheCatalogue() throws Exception {
        String word = "Zq" + Long.toString(System.nanoTime(), 36);
        long author = create(a, "/authors", "{\"name\":\"Kept Author\"}");
        String isbn = TestData.isbn();
        long book = create(a, "/books", "{\"isbn\":\"" + isbn + "\",\"title\":\"" + word + " before\",\"copies\":2,\"authorId\":" + author + "}");
        String search = "/api/books?q=" + word;
        String authorsBooks = "/api/authors/" + author + "/books";
        for (int round = 0; round < 2; round++) { // B keeps the book, its search and its author's list
            assertThat(field(b, "/api/books/" + book, "title")).isEqualTo(word + " before");
            assertThat(field(b, search, "items[0].title")).isEqualTo(word + " before");
            assertThat(field(b, authorsBooks, "items[0].author.name")).isEqualTo("Kept Author");
        }

        // retitled through A: the very first reads through B show it
        HttpResponse<String> retitled = send(a, "PUT", "/api/books/" + book, "{\"isbn\":\"" + isbn + "\",\"title\":\"" + word
                + " after\",\"copies\":2,\"authorId\":" + author + "}", "*");
        assertThat(retitled.statusCode()).as(retitled.body()).isEqualTo(200);
        assertThat(field(b, "/api/books/" + book, "title")).as("the book through B right after the edit through A").isEqualTo(word + " after");
        assertThat(field(b, search, "items[0].title")).as("the search through B right after the edit through A").isEqualTo(word + " after");

        // the author renamed through A: B's lists show the new name at once
        HttpResponse<String> renamed = send(a, "PUT", "/api/authors/" + author, "{\"name\":\"Renamed Author\"}", "*");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(field(b, authorsBooks, "items[0].author.name")).as("the author's books through B after the rename through A")
                .isEqualTo("Renamed Author");

        // a copy lent through A: B's kept page shows one copy fewer on the shelf at once
        assertThat(field(b, search, "items[0].copiesAvailable")).isEqualTo(2);
        long member = create(a, "/members", memberJson("Kept Reader"));
        HttpResponse<String> borrowed = send(a, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + book + "}");
        assertThat(borrowed.statusCode()).as(borrowed.body()).isEqualTo(201);
        assertThat(field(b, search, "items[0].copiesAvailable")).as("B's search right after the borrow through A").isEqualTo(1);

        // changed in the database by hand, by neither instance: both show it on their next read
        try (Connection db = database(); PreparedStatement update = db.prepareStatement("UPDATE books SET title = ? WHERE id = ?")) {
            update.setString(1, word + " by hand");
            update.setLong(2, book);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        for (PayaraMicroInstance instance : List.of(a, b)) {
            assertThat(field(instance, search, "items[0].title")).isEqualTo(word + " by hand");
            assertThat(field(instance, "/api/books/" + book, "title")).isEqualTo(word + " by hand");
        }
    }

    @Test
    @Order(3)
    void aBorrowRetriedThroughTheOtherInstanceWithItsIdempotencyKeyGetsTheFirstAnswerAndLendsOnce() throws Exception {
        long author = create(a, "/authors", "{\"name\":\"Retry Author\"}");
        long book = create(a, "/books", "{\"isbn\":\"" + TestData.isbn() + "\",\"title\":\"Sent twice\",\"copies\":2,\"authorId\":" + author + "}");
        long member = create(b, "/members", memberJson("Retry Reader"));
        String key = java.util.UUID.randomUUID().toString();
        String borrow = "{\"bookId\":" + book + "}";

        // the client's first try reaches A; its answer is lost, so it sends the request again, through B
        HttpResponse<String> first = sendKeyed(a, "/api/members/" + member + "/borrows", borrow, key);
        HttpResponse<String> retry = sendKeyed(b, "/api/members/" + member + "/borrows", borrow, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.body()).isEqualTo(first.body());
        try (Connection db = database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM loans WHERE book_id = ?", book)).as("loans of the book").isEqualTo(1);
            assertThat(count(db, "SELECT on_loan FROM books WHERE id = ?", book)).isEqualTo(1);
        }
        assertThat(copiesAvailable(b, book)).isEqualTo(1);

        // the same key with another body, through B: refused, nothing lent
        HttpResponse<String> reused = sendKeyed(b, "/api/members/" + member + "/borrows", "{\"bookId\":" + (book + 1_000_000) + "}", key);
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
        assertThat(copiesAvailable(a, book)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theLastCopyRacedForThroughBothInstancesIsLentOnce() throws Exception {
        long author = create(a, "/authors", "{\"name\":\"Race Author\"}");
        long book = create(b, "/books", "{\"isbn\":\"" + TestData.isbn() + "\",\"title\":\"The last copy\",\"copies\":1,\"authorId\":" + author + "}");
        int racers = 16;
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            members.add(create(i % 2 == 0 ? a : b, "/members", memberJson("Racer " + i)));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                PayaraMicroInstance through = i % 2 == 0 ? a : b;
                long member = members.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(through, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + book + "}");
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new LinkedHashMap<>();
            List<Long> winners = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 201) {
                    winners.add(members.get(i));
                } else {
                    assertThat(answer.statusCode()).as("a refused racer: " + answer.body()).isIn(409, 503);
                }
            }
            report("Last-copy race, " + racers + " members through A and B at once: statuses " + statuses);
            assertThat(winners).as("members who got the one copy").hasSize(1);

            long winner = winners.get(0);
            try (Connection db = database()) {
                assertThat(count(db, "SELECT on_loan FROM books WHERE id = ?", book)).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM borrows WHERE book_id = ?", book)).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM loans WHERE book_id = ? AND returned_at IS NULL", book)).isEqualTo(1);
                assertThat(count(db, "SELECT member_id FROM borrows WHERE book_id = ?", book)).isEqualTo(winner);
            }
            for (PayaraMicroInstance instance : List.of(a, b)) {
                assertThat(copiesAvailable(instance, book)).isZero();
                assertThat(borrowedBookIds(instance, winner)).containsExactly(book);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void aPasswordResetThroughOneInstanceEndsTheSessionOnTheOtherAtItsNextRequest() throws Exception {
        String number = TestData.memberNumber();
        long member = create(b, "/members", "{\"memberNumber\":\"" + number + "\",\"name\":\"Cluster Reader\",\"email\":\""
                + TestData.email("cluster reader") + "\"}");
        String user = number.toLowerCase(java.util.Locale.ROOT);
        String password = "Cluster-Reading-4711";
        assertThat(send(b, "POST", "/api/members/" + member + "/account",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").statusCode()).isEqualTo(201);
        Map<String, String> browser = new LinkedHashMap<>();
        logIn(a, user, password, "/account.xhtml", browser);
        assertThat(page(a, "/account.xhtml", browser).statusCode()).as("logged in through A").isEqualTo(200);

        HttpResponse<String> reset = send(b, "PUT", "/api/accounts/" + user + "/password", "{\"newPassword\":\"Another-Reading-4711\"}");
        assertThat(reset.statusCode()).as("the reset through B: " + reset.body()).isEqualTo(204);

        HttpResponse<String> ended = page(a, "/account.xhtml", browser);
        assertThat(ended.statusCode()).as("A's very next page of the session: the login form").isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
        report("Session end across instances: a password reset through B ended the session on A at its next request");
    }

    @Test
    @Order(6)
    void theChangeFeedReadThroughBothInstancesInTurnWhileBothWriteSeesEveryChangeOnceInCommitOrder() throws Exception {
        String cursor = feedHead(a);
        String tag = "Cluster Feed " + TestData.isbn();
        int writers = 8;
        int authorsEach = 5;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            // the reader: one batch through A, the next through B, carrying the cursor across
            Future<List<String>> reader = pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                String after = cursor;
                start.await();
                boolean last = false;
                for (int turn = 0; !last; turn++) {
                    last = !writing.get(); // one more full read once the writers stopped
                    boolean more = true;
                    while (more) {
                        HttpResponse<String> batch = send(turn++ % 2 == 0 ? a : b, "GET",
                                "/api/changes?types=author&limit=7&after=" + after, null);
                        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
                        JsonPath json = JsonPath.from(batch.body());
                        for (Map<String, Object> item : json.<Map<String, Object>>getList("items")) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> data = (Map<String, Object>) item.get("data");
                            if (data != null && String.valueOf(data.get("name")).startsWith(tag)) {
                                seen.add(item.get("event") + " " + item.get("id") + " v" + item.get("version"));
                            }
                        }
                        after = json.getString("next");
                        more = json.getBoolean("more");
                    }
                    Thread.sleep(20);
                }
                return seen;
            });
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                PayaraMicroInstance creating = w % 2 == 0 ? a : b;
                PayaraMicroInstance renaming = w % 2 == 0 ? b : a;
                int writer = w;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < authorsEach; i++) {
                        long id = create(creating, "/authors", "{\"name\":\"" + tag + " " + writer + "-" + i + "\"}");
                        HttpResponse<String> renamed = send(renaming, "PUT", "/api/authors/" + id,
                                "{\"name\":\"" + tag + " " + writer + "-" + i + " renamed\"}", "\"1\"");
                        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : work) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            List<String> seen = reader.get(5, TimeUnit.MINUTES);

            List<String> logged = new ArrayList<>();
            try (Connection db = database();
                 PreparedStatement select = db.prepareStatement("SELECT c.action, c.record_id, c.record_version FROM changes c "
                         + "JOIN authors t ON t.id = c.record_id WHERE c.record_type = 'author' AND t.name LIKE ? ORDER BY c.position")) {
                select.setString(1, tag + " %");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        logged.add("author." + rs.getString(1) + " " + rs.getLong(2) + " v" + rs.getLong(3));
                    }
                }
            }
            assertThat(logged).as("a created and an updated entry per author").hasSize(writers * authorsEach * 2);
            assertThat(seen).as("the reader, through A and B in turn, saw each change once, in commit order")
                    .containsExactlyElementsOf(logged);
            report("Change feed: " + logged.size() + " changes written through A and B at once, read through both in turn: "
                    + "each once, in the log's order");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The feed's cursor after its newest entry now, read through {@code instance}. */
    private static String feedHead(PayaraMicroInstance instance) throws IOException, InterruptedException {
        String after = "";
        boolean more = true;
        while (more) {
            HttpResponse<String> batch = send(instance, "GET", "/api/changes?limit=500&after=" + after, null);
            assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
            after = JsonPath.from(batch.body()).getString("next");
            more = JsonPath.from(batch.body()).getBoolean("more");
        }
        return after;
    }

    @Test
    @Order(7)
    void theDailyDigestMadeByBothInstancesAtOnceReachesEachMemberOnce() throws Exception {
        long member = create(a, "/members", memberJson("Digest Cluster"));
        String email = (String) field(b, "/api/members/" + member, "email");
        long author = create(a, "/authors", "{\"name\":\"Digest Author\"}");
        long first = create(b, "/books", "{\"isbn\":\"" + TestData.isbn() + "\",\"title\":\"Digest One\",\"copies\":1,\"authorId\":" + author + "}");
        long second = create(a, "/books", "{\"isbn\":\"" + TestData.isbn() + "\",\"title\":\"Digest Two\",\"copies\":1,\"authorId\":" + author + "}");
        assertThat(send(a, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + first + "}").statusCode()).isEqualTo(201);
        assertThat(send(b, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + second + "}").statusCode()).isEqualTo(201);

        // today's run was made when the instances started; made undone, both timers (second 30 of
        // every minute, on both) take it up again at the same moment
        try (Connection db = database(); PreparedStatement reset = db.prepareStatement("UPDATE notice_runs SET done_day = NULL, "
                + "running_day = NULL, after_member = 0, lease_owner = NULL, lease_until = NULL WHERE name = 'digest'")) {
            assertThat(reset.executeUpdate()).isEqualTo(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        List<jakarta.mail.internet.MimeMessage> digests = List.of();
        while (System.nanoTime() < deadline) {
            digests = mailsTo(email);
            if (!digests.isEmpty() && runDone()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(runDone()).as("the day's run ended").isTrue();
        try (Connection db = database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM notices WHERE member_id = ? AND kind = 'DIGEST'", member)).isEqualTo(1);
        }
        Thread.sleep(Duration.ofSeconds(12).toMillis()); // a sender round of each instance more
        digests = mailsTo(email);
        assertThat(digests).as("one digest, sent by one of the instances").hasSize(1);
        assertThat(digests.get(0).getSubject()).isEqualTo("Library: 2 loans due soon");
    }

    private static boolean runDone() throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM notice_runs WHERE name = 'digest' AND done_day IS NOT NULL")) {
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) == 1;
            }
        }
    }

    private static List<jakarta.mail.internet.MimeMessage> mailsTo(String email) throws jakarta.mail.MessagingException {
        List<jakarta.mail.internet.MimeMessage> to = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage mail : smtp.getReceivedMessages()) {
            jakarta.mail.Address[] recipients = mail.getRecipients(jakarta.mail.Message.RecipientType.TO);
            if (recipients != null && java.util.Arrays.stream(recipients)
                    .anyMatch(r -> ((jakarta.mail.internet.InternetAddress) r).getAddress().equals(email))) {
                to.add(mail);
            }
        }
        return to;
    }

    @Test
    @Order(8)
    void aCataloguePageOpenOnOneInstanceShowsALoanAndAReturnMadeThroughTheOther() throws Exception {
        long author = create(a, "/authors", "{\"name\":\"Live Author\"}");
        String isbn = TestData.isbn();
        long book = create(a, "/books", "{\"isbn\":\"" + isbn + "\",\"title\":\"Live\",\"copies\":2,\"authorId\":" + author + "}");
        long member = create(b, "/members", memberJson("Live Cluster"));
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(b.base() + "/catalogue.xhtml?q=" + isbn);
            By figures = By.cssSelector("[data-live-book='" + book + "']");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> "open".equals(browser.executeScript("return document.documentElement.getAttribute('data-live')")));
            browser.executeScript("window.notReloaded = true");
            assertThat(browser.findElement(figures).getText()).isEqualTo("2 of 2");

            assertThat(send(a, "POST", "/api/members/" + member + "/borrows", "{\"bookId\":" + book + "}").statusCode()).isEqualTo(201);
            long lent = System.nanoTime();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(figures, "1 of 2"));
            long shown = System.nanoTime();
            assertThat(send(a, "DELETE", "/api/members/" + member + "/borrows/" + book, null).statusCode()).isEqualTo(204);
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(figures, "2 of 2"));

            assertThat(browser.executeScript("return window.notReloaded")).as("the page B served, never reloaded").isEqualTo(true);
            report("Live availability: a loan through A shown on a catalogue page served by B after " + millis(shown - lent) + " ms");
        } finally {
            Chromium.quit(browser);
        }
    }

    @Test
    @Order(9)
    void losingAnInstanceLosesNeitherALoggedInSessionNorAWebhookEventItWasDelivering() throws Exception {
        // a browser's cookies: every cookie the instances set (Payara's JSESSIONID and its
        // JSESSIONIDVERSION), sent back with every request, whichever instance it goes to
        Map<String, String> browser = new LinkedHashMap<>();

        // anonymous pages create no session (StatelessViews): the login creates it
        logIn(a, TestData.ADMIN, TestData.ADMIN_PASSWORD, "/desk.xhtml", browser);
        assertLoggedInDesk(page(a, "/desk.xhtml", browser), "A, which served the login");

        // a receiver that answers slowly, so that A still holds deliveries in flight when it dies
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.delayMillis = 6_000;
        try {
            HttpResponse<String> endpoint = send(a, "POST", "/api/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"author.created\"]}");
            assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
            receiver.secret = JsonPath.from(endpoint.body()).getString("secret");
            long endpointId = JsonPath.from(endpoint.body()).getLong("id");
            // a few events at once, then one by one, so that both instances' rounds claim some, until A
            // is caught sending one
            int events = 0;
            while (events < 5) {
                create(events % 2 == 0 ? a : b, "/authors", "{\"name\":\"Webhook Author " + events + "\"}");
                events++;
            }
            Long leasedByA = deliveryLeasedBy(a, endpointId, Duration.ofMillis(500));
            while (leasedByA == null && events < 25) {
                create(events % 2 == 0 ? a : b, "/authors", "{\"name\":\"Webhook Author " + events + "\"}");
                events++;
                leasedByA = deliveryLeasedBy(a, endpointId, Duration.ofMillis(500));
            }
            if (leasedByA == null) {
                leasedByA = deliveryLeasedBy(a, endpointId, Duration.ofMinutes(1));
            }
            assertThat(leasedByA).as("a delivery of the endpoint that A (" + a.pid() + ") was sending; B is " + b.pid() + "; "
                    + deliveries(endpointId)).isNotNull();

            // B has never served this session: after A is killed, it can only come from the data grid
            a.kill();
            long killed = System.nanoTime();
            receiver.delayMillis = 0;
            HttpResponse<String> desk = page(b, "/desk.xhtml", browser);
            long served = System.nanoTime();
            assertLoggedInDesk(desk, "B, after A was killed");
            HttpResponse<String> account = page(b, "/account.xhtml", browser);
            assertThat(account.statusCode()).as("B's account page after A was killed: " + account.headers().map()).isEqualTo(200);
            assertThat(account.body()).containsPattern("id=\"logout:account-link\"[^>]*>" + TestData.ADMIN + "</a>");
            report("Session failover: A killed (SIGKILL) -> the desk served by B to A's logged-in session in "
                    + (served - killed) / 1_000_000 + " ms");

            // the control: a session the grid does not know is not logged in on B
            Map<String, String> stranger = new LinkedHashMap<>(Map.of("JSESSIONID", "0123456789abcdef0123456789ab"));
            HttpResponse<String> refused = page(b, "/desk.xhtml", stranger);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));

            // the deliveries A held: their lease runs out, and B sends them
            List<String> eventIds = awaitAllDelivered(endpointId, events, Duration.ofMinutes(3));
            long recovered = System.nanoTime();
            assertThat(receiver.taken()).as("every event taken by the receiver (which de-duplicates by id)")
                    .containsAll(eventIds);
            try (Connection db = database();
                 PreparedStatement attempts = db.prepareStatement("SELECT instance FROM webhook_attempts "
                         + "WHERE delivery_id = ? AND http_status = 200")) {
                attempts.setLong(1, leasedByA);
                List<String> instances = new ArrayList<>();
                try (ResultSet rs = attempts.executeQuery()) {
                    while (rs.next()) {
                        instances.add(rs.getString(1));
                    }
                }
                assertThat(instances).as("the delivery A held when it died, sent again by B").isNotEmpty()
                        .allMatch(instance -> instance.startsWith(b.pid() + "@"));
            }
            report("Webhooks: A killed while delivering -> all " + events + " events delivered, those A held by B after "
                    + "their lease ran out, " + (recovered - killed) / 1_000_000 + " ms after the kill");
        } finally {
            receiver.stop();
        }
    }

    /** A delivery of the endpoint that {@code instance} has leased now, waited for up to {@code timeout}: its id, or null. */
    private static Long deliveryLeasedBy(PayaraMicroInstance instance, long endpointId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = database();
             PreparedStatement leased = db.prepareStatement("SELECT id FROM webhook_deliveries WHERE endpoint_id = ? "
                     + "AND lease_owner LIKE ? AND state <> 'DELIVERED'")) {
            leased.setLong(1, endpointId);
            leased.setString(2, instance.pid() + "@%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = leased.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        return null;
    }

    /** The endpoint's deliveries and their attempts, as a failure reports them. */
    private static String deliveries(long endpointId) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection db = database();
             PreparedStatement select = db.prepareStatement("SELECT d.event_id, d.state, d.created_at, a.instance, a.attempted_at "
                     + "FROM webhook_deliveries d LEFT JOIN webhook_attempts a ON a.delivery_id = d.id WHERE d.endpoint_id = ? "
                     + "ORDER BY d.id")) {
            select.setLong(1, endpointId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    text.append(String.format("%n  %s %s created %d attempted by %s at %d", rs.getString(1), rs.getString(2),
                            rs.getLong(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return text.toString();
    }

    /** Waits until the endpoint has {@code events} deliveries, all DELIVERED: their event ids. */
    private static List<String> awaitAllDelivered(long endpointId, int events, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> states = new LinkedHashMap<>();
        try (Connection db = database();
             PreparedStatement select = db.prepareStatement("SELECT event_id, state FROM webhook_deliveries WHERE endpoint_id = ?")) {
            select.setLong(1, endpointId);
            while (System.nanoTime() < deadline) {
                states.clear();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        states.put(rs.getString(1), rs.getString(2));
                    }
                }
                if (states.size() == events && states.values().stream().allMatch("DELIVERED"::equals)) {
                    return new ArrayList<>(states.keySet());
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("deliveries of endpoint " + endpointId + " not all delivered within " + timeout + ": " + states);
    }

    /** The login form through an instance, as a browser fills it in; the session's cookies land in {@code browser}. */
    private static void logIn(PayaraMicroInstance instance, String user, String password, String next, Map<String, String> browser)
            throws IOException, InterruptedException {
        HttpResponse<String> form = page(instance, "/login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), browser);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(browser).as("no session before the login: " + form.headers()).doesNotContainKey("JSESSIONID");
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertThat(viewState.find()).as("the form's view state").isTrue();
        String fields = formEncode(Map.of(
                "login", "login",
                "login:username", user,
                "login:password", password,
                "login:next", next,
                "login:submit", "Log in",
                "jakarta.faces.ViewState", viewState.group(1)));
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + "/login.xhtml"))
                .header("Cookie", cookieHeader(browser))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(login, browser);
        assertThat(login.statusCode()).as("logged in and sent on").isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(next));
        assertThat(browser).as("the session the login created").containsKey("JSESSIONID");
    }

    private static void assertLoggedInDesk(HttpResponse<String> response, String where) {
        assertThat(response.statusCode()).as("the desk through " + where + " (a 302 would be the login form): "
                + response.headers().firstValue("Location").orElse("")).isEqualTo(200);
        assertThat(response.body()).as("the desk through " + where)
                .contains("<title>Circulation desk")
                .containsPattern("id=\"logout:account-link\"[^>]*>" + TestData.ADMIN + "</a>");
    }

    // --- HTTP -----------------------------------------------------------------------------------

    private static HttpResponse<String> send(PayaraMicroInstance instance, String method, String path, String json)
            throws IOException, InterruptedException {
        return send(instance, method, path, json, null);
    }

    private static HttpResponse<String> send(PayaraMicroInstance instance, String method, String path, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as a client that retries sends it: with its Idempotency-Key. */
    private static HttpResponse<String> sendKeyed(PayaraMicroInstance instance, String path, String json, String key)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.ADMIN + ":" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A page as a browser asks for it: with its cookies, keeping the ones the answer sets. */
    private static HttpResponse<String> page(PayaraMicroInstance instance, String path, Map<String, String> cookies)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.base() + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(response, cookies);
        return response;
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = COOKIE.matcher(header);
            if (m.find()) {
                cookies.put(m.group(1), m.group(2));
            }
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static long create(PayaraMicroInstance instance, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "POST", "/api" + path, json);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return JsonPath.from(response.body()).getLong("id");
    }

    private static Object field(PayaraMicroInstance instance, String path, String field) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonPath.from(response.body()).get(field);
    }

    private static int copiesAvailable(PayaraMicroInstance instance, long book) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "GET", "/api/books/" + book, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.from(response.body()).getInt("copiesAvailable");
    }

    private static List<Long> borrowedBookIds(PayaraMicroInstance instance, long member) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "GET", "/api/members/" + member + "/borrows", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // a list of books, each {"id":…, "isbn":…, "title":…, "author":{…}}
        return JsonPath.from(response.body()).getList("id", Long.class);
    }

    private static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String memberJson(String name) {
        return "{\"memberNumber\":\"" + TestData.memberNumber() + "\",\"name\":\"" + name + "\",\"email\":\"" + TestData.email(name) + "\"}";
    }

    // --- the database, read directly ------------------------------------------------------------

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(required("it.cluster.db.url"), required("it.cluster.db.user"), required("it.cluster.db.password"));
    }

    private static long count(Connection db, String sql, long id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getLong(1);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run with -Pcluster (docs/operations.md, \"Scale-out\")");
        }
        return value;
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Measurements go to the test output and to target/it/cluster/measurements.txt. */
    private static void report(String line) throws IOException {
        System.out.println("[cluster] " + line);
        Path file = Path.of(System.getProperty("it.dir")).resolve("cluster").resolve("measurements.txt");
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
