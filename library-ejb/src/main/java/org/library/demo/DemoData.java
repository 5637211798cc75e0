package org.library.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.library.accounts.AccountService;
import org.library.catalog.Author;
import org.library.catalog.Book;
import org.library.catalog.Isbn;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.circulation.CirculationPolicy;
import org.library.circulation.Loan;
import org.library.members.Member;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.staff.EmployeeNumber;
import org.library.staff.Librarian;
import org.library.staff.ProfileContent;

/**
 * For a demo only (the MicroProfile Config property {@code library.demo-data}:
 * {@code -Dlibrary.demo-data=true} or {@code LIBRARY_DEMO_DATA=true}; off by
 * default, so that a deployment with no settings has no known password): fills an empty database
 * with a small, real catalogue (public-domain authors and their books), some members, two
 * librarians with profiles and a few loans — one of them overdue — and a login account for each
 * person, all with one published password. Runs after the schema migration, and only when the
 * database holds no author and no member. A start without the switch removes those accounts
 * again, so that a demo database later served for real has no known password in it.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "AdminAccount"})
public class DemoData {

    public static final String SWITCH = "library.demo-data";

    /**
     * The password of every demo account (user name: the member or employee number in lower
     * case). Published in the README, which is why demo data must be off in production.
     */
    public static final String DEMO_PASSWORD = "library-demo";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ChangeLog changes;

    @Inject
    private CirculationPolicy policy;

    /** MicroProfile Config's boolean: {@code true}, {@code yes}, {@code on}, {@code 1} switch it on. */
    @Inject
    @ConfigProperty(name = SWITCH, defaultValue = "false")
    boolean demo;

    @jakarta.ejb.EJB
    private AccountService accounts;

    @PostConstruct
    void start() {
        // start-up works for nobody who logged in: as the library itself
        org.library.platform.access.Identity.run(org.library.platform.access.Identity.SYSTEM, this::seedIfEmpty);
    }

    private void seedIfEmpty() {
        if (!demo) {
            int removed = accounts.removeDemoAccounts();
            if (removed > 0) {
                LOG.warning(() -> "Not started for a demo (" + SWITCH + " is not true): removed the " + removed
                        + " demo login account(s), whose password is published. The demo records stay.");
            }
            return;
        }
        LOG.warning(() -> "Started for a demo (" + SWITCH + "=true): demo accounts log in with the published password "
                + DEMO_PASSWORD + ". Never on a server that holds real data.");
        // librarians do not count: the first start's admin account is one (AdminAccount runs first)
        long existing = em.createQuery("SELECT COUNT(a) FROM Author a", Long.class).getSingleResult()
                + em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        Map<String, Author> authors = new HashMap<>();
        read("demo/authors.csv", row -> {
            Author author = new Author(row.get("name"), integer(row.get("birth_year")), integer(row.get("death_year")));
            em.persist(author);
            authors.put(author.getName(), author);
        });
        List<Book> books = new ArrayList<>();
        read("demo/books.csv", row -> {
            Book book = new Book(Isbn.of(row.get("isbn")), row.get("title"), integer(row.get("publication_year")),
                    Integer.parseInt(row.get("copies")));
            authors.get(row.get("author")).addBook(book);
            em.persist(book);
            books.add(book);
        });
        em.flush();
        org.library.catalog.SearchWords.reindex(em, "b.id", books.stream().map(Book::getId).toList(), true);
        List<Member> members = new ArrayList<>();
        read("demo/members.csv", row -> {
            Member member = new Member(MemberNumber.of(row.get("member_number")), row.get("name"), EmailAddress.of(row.get("email")),
                    LocalDate.parse(row.get("joined_on")));
            em.persist(member);
            members.add(member);
        });
        List<Librarian> librarians = seedLibrarians();
        List<Loan> loans = seedLoans(books, members);
        // the demo's records are in the change log like any others: a system reading the feed from
        // the start mirrors them too
        changes.recordAll(ChangeAction.CREATED, authors.values().stream()
                .sorted(java.util.Comparator.comparing(Author::getId)).toList());
        changes.recordAll(ChangeAction.CREATED, books);
        changes.recordAll(ChangeAction.CREATED, members);
        changes.recordAll(ChangeAction.CREATED, librarians);
        changes.recordAll(ChangeAction.BORROWED, loans);
        accounts.openDemoAccounts(members, librarians, DEMO_PASSWORD);
        LOG.info(() -> "Demo data loaded: " + authors.size() + " authors, " + books.size() + " books, "
                + members.size() + " members, 2 librarians, and a login account for each of them (password: "
                + DEMO_PASSWORD + "; demo data is for trying the application, never for production).");
    }

    private List<Librarian> seedLibrarians() {
        Librarian head = new Librarian(EmployeeNumber.of("E1001"), "Margaret Okafor", EmailAddress.of("margaret.okafor@library.example.org"));
        head.putProfile(new ProfileContent(
                "Head librarian since 2014; looks after the rare books and the reading room.",
                "+44 20 7946 0101", "Office 2.14, first floor"));
        Librarian desk = new Librarian(EmployeeNumber.of("E1002"), "Tomás Herrera", EmailAddress.of("tomas.herrera@library.example.org"));
        desk.putProfile(new ProfileContent(
                "Runs the circulation desk and the Saturday reading club.",
                "+44 20 7946 0117", "Circulation desk"));
        em.persist(head);
        em.persist(desk);
        return List.of(head, desk);
    }

    /** A few past and current loans, dated back from today; the first current one is overdue. */
    private List<Loan> seedLoans(List<Book> books, List<Member> members) {
        Instant now = clock.instant();
        List<Loan> loans = new ArrayList<>();
        int[][] plan = { // member index, book index, days ago borrowed, days ago returned (-1: still out)
                {0, 0, 40, 20}, {0, 3, 30, -1}, {1, 5, 10, -1}, {2, 8, 5, -1},
                {3, 0, 15, -1}, {4, 12, 60, 45}, {5, 20, 2, -1}, {1, 7, 90, 70},
        };
        for (int[] step : plan) {
            Member member = members.get(step[0] % members.size());
            Book book = books.get(step[1] % books.size());
            Instant borrowedAt = now.minus(Duration.ofDays(step[2]));
            LocalDate dueOn = LocalDate.ofInstant(borrowedAt, clock.getZone())
                    .plusDays(policy.loanPeriodDays());
            Loan loan = new Loan(member, book, borrowedAt, dueOn);
            em.persist(loan);
            loans.add(loan);
            if (step[3] >= 0) {
                loan.closeForHistory(now.minus(Duration.ofDays(step[3])));
            } else {
                member.borrow(book);
            }
        }
        return loans;
    }

    private static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static void read(String resource, Consumer<CSVRecord> rowHandler) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                 CSVParser parser = format.parse(reader)) {
                parser.forEach(rowHandler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
