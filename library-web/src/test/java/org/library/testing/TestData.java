package org.library.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh natural keys for each test, so that tests never depend on each other's rows or on the
 * demo data, and can run again on the same database.
 */
public final class TestData {

    /**
     * Where this JVM's numbers start: each test class runs in a container JVM of its own, and all of
     * them (and the client JVM) write to one database per build. Starting from the clock, in steps
     * of 10 ms, classes that start seconds apart take numbers hundreds apart and count up from
     * there, so that they never meet (random starts did: 25 classes drawing from 800,000 numbers
     * collide more often than not). The tests' own JVM (REST and browser tests) keeps one counter for
     * the whole build, and one class of it may take 20,000 numbers within a minute, running ahead of
     * the clock into the numbers of the next test servers; so it counts in one half of the range and
     * the servers in the other.
     */
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.currentTimeMillis() / 10 % 400_000));

    /** The first number of this JVM's half: set in the tests' own JVM by failsafe (library-web/pom.xml), not in a server's. */
    private static final int HALF = Boolean.getBoolean("it.tests-jvm") ? 200_000 : 600_000;

    /** Employee numbers have 80,000 to go round: steps of 100 ms, for the few librarians a class makes. */
    private static final AtomicInteger EMPLOYEES = new AtomicInteger((int) (System.currentTimeMillis() / 100 % 80_000));

    /** The librarian account the application creates on first start (see AdminAccount). */
    public static final String ADMIN = "admin";

    /** Its password, given to the test server by arquillian.xml: a test-only value, no real secret. */
    public static final String ADMIN_PASSWORD = System.getProperty("library.it.admin-password", "It-Librarian-Only-7319");

    private TestData() {
    }

    /** A valid, random ISBN-13 in the 979 range, which the demo catalogue does not use. */
    public static String isbn() {
        String body = "979" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** An ISBN-10 (check digit computed), for tests of normalisation. */
    public static String isbn10() {
        String body = String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (10 - i) * (body.charAt(i) - '0');
        }
        int check = (11 - sum % 11) % 11;
        return body + (check == 10 ? "X" : String.valueOf(check));
    }

    /** A member number outside the demo data's M0001xx range. */
    public static String memberNumber() {
        return "M" + next();
    }

    public static String employeeNumber() {
        return "E" + (20_000 + Math.floorMod(EMPLOYEES.incrementAndGet(), 80_000));
    }

    public static String email(String who) {
        return who.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + next() + "@it.example.org";
    }

    private static int next() {
        return HALF + Math.floorMod(SEQUENCE.incrementAndGet(), 400_000);
    }
}
