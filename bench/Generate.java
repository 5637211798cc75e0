import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's catalogue as the CSV files the bulk import reads:
 * {@code java bench/Generate.java 100000 bench/target/data-100000} writes {@code books.csv}
 * (100,000 books by 5,000 authors, the authors created by the import) and {@code members.csv}
 * (10,000 members). Loans are made over the API by {@code run.sh} (the import has none).
 *
 * <p>Proportions per book: one author per 20 books, one member per 10 books (at most 999,999, the
 * card-number format's limit). ISBN-13s are distinct and valid, in scattered order, so that the
 * unique index is filled all over as in a real catalogue; titles are three to six words from a
 * vocabulary of 64, so a search word matches a few percent of the catalogue; author names are
 * unique. The same size always gives the same files (fixed seed), so runs are comparable.
 */
public class Generate {

    static final String[] WORDS = ("the a of and in night day river house garden winter summer letters "
            + "journey city sea mountain silent last first secret old new lost found dark light storm island "
            + "memory shadow glass stone fire water king queen stranger friend war peace road home song story "
            + "clock bridge tower forest harbour window door path orchard lantern meadow mirror").split(" ");
    static final String[] FIRST = ("Ada Alan Anna Ben Clara David Edith Emil Grace Hugo Ines Jonas Karin "
            + "Leo Maria Nora Oskar Petra Ruth Sven Tomas Una Vera Walter Yara Zeno").split(" ");
    static final String[] LAST = ("Abbott Berg Castell Dahl Ekberg Fontaine Garcia Holm Ivanova Jensen "
            + "Kowalski Lindqvist Moreau Nakamura Okafor Pereira Quist Rossi Sato Tanaka Ulrich Varga Weber Xu "
            + "Young Zeller").split(" ");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/Generate.java <books> <output directory>");
            System.exit(2);
        }
        int books = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int authors = Math.max(1, books / 20);
        int members = Math.min(999_999, Math.max(64, books / 10));
        SplittableRandom random = new SplittableRandom(42);

        try (BufferedWriter w = writer(dir.resolve("books.csv.part"))) {
            w.write("isbn,title,publication_year,copies,author,author_birth_year\n");
            for (int i = 0; i < books; i++) {
                // i -> i * 3^18 mod 10^9 is a permutation (3 is coprime to 10): distinct, scattered
                long n = Math.floorMod(i * 387_420_489L + 12_345L, 1_000_000_000L);
                String isbn = "979" + String.format("%09d", n);
                int words = 3 + random.nextInt(4);
                StringBuilder title = new StringBuilder();
                for (int k = 0; k < words; k++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    title.append(k == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
                }
                int a = random.nextInt(authors);
                int born = 1700 + a % 300;
                w.write(isbn + check(isbn) + "," + title + "," + Math.min(2024, born + 20 + random.nextInt(60)) + ","
                        + (1 + random.nextInt(5)) + "," + authorName(a) + "," + born + "\n");
            }
        }
        try (BufferedWriter w = writer(dir.resolve("members.csv.part"))) {
            w.write("member_number,name,email,joined_on,active\n");
            for (int m = 1; m <= members; m++) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                w.write(String.format("M%06d,%s,reader%06d@example.org,20%02d-%02d-%02d,true%n",
                        m, name, m, 10 + m % 15, 1 + m % 12, 1 + m % 28));
            }
        }
        // complete files only: an interrupted run is not mistaken for a finished one
        Files.move(dir.resolve("books.csv.part"), dir.resolve("books.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve("members.csv.part"), dir.resolve("members.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%d books by %d authors, %d members in %s%n", books, authors, members, dir);
    }

    /** Unique for every index: two name parts and a number. */
    static String authorName(int a) {
        return FIRST[a % FIRST.length] + " " + LAST[(a / FIRST.length) % LAST.length] + " " + (a / 676 + 1);
    }

    static BufferedWriter writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
    }

    static char check(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
