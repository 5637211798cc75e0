import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a books CSV for the import benchmark: {@code java bench/GenerateBooks.java 1000000 books-1m.csv}
 * (an optional third argument skips that many ISBNs, for a file of other books).
 *
 * <p>Distinct, valid ISBN-13s (979 range) in scattered order, so that the unique index is hit all
 * over rather than appended to; titles of three to six words; 20,000 authors with birth years.
 * The same arguments always give the same file (fixed seed).
 */
public class GenerateBooks {

    private static final String[] WORDS = ("the a of and in night day river house garden winter summer letters "
            + "journey city sea mountain silent last first secret old new lost found dark light storm island "
            + "memory shadow glass stone fire water king queen stranger friend war peace road home song story "
            + "clock bridge tower forest harbour window door path orchard lantern").split(" ");
    private static final String[] FIRST = ("Ada Alan Anna Ben Clara David Edith Emil Grace Hugo Ines Jonas Karin "
            + "Leo Maria Nora Oskar Petra Ruth Sven Tomas Una Vera Walter Yara Zeno").split(" ");
    private static final String[] LAST = ("Abbott Berg Castell Dahl Ekberg Fontaine Garcia Holm Ivanova Jensen "
            + "Kowalski Lindqvist Moreau Nakamura Okafor Pereira Quist Rossi Sato Tanaka Ulrich Varga Weber Xu "
            + "Young Zeller").split(" ");

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long skip = args.length > 2 ? Long.parseLong(args[2]) : 0;
        int authors = 20_000;
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            w.write("isbn,title,publication_year,copies,author,author_birth_year\n");
            for (long i = skip; i < skip + rows; i++) {
                long n = Math.floorMod(i * 387_420_489L + 12_345L, 1_000_000_000L); // a permutation of 0..10^9-1
                String body = "979" + String.format("%09d", n);
                int words = 3 + random.nextInt(4);
                StringBuilder title = new StringBuilder();
                for (int k = 0; k < words; k++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    title.append(k == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
                }
                int a = random.nextInt(authors);
                String author = FIRST[a % FIRST.length] + " " + LAST[(a / FIRST.length) % LAST.length] + " " + (a / 676 + 1);
                int born = 1700 + a % 300;
                w.write(body + check(body) + "," + title + "," + Math.min(2024, born + 20 + random.nextInt(60)) + ","
                        + (1 + random.nextInt(5)) + "," + author + "," + born + "\n");
            }
        }
    }

    private static char check(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
