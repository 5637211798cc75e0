package org.library.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testing.ApiClient;
import org.library.testing.LibraryDeploymentTest;
import org.library.testing.TestData;

/**
 * Failed logins over real HTTP, from several clients: the test server trusts the tests' own
 * address as a proxy, so {@code X-Forwarded-For} names the client, as a reverse proxy would. A
 * client that fails five times in a row at a user name is blocked from it (429, Retry-After, no
 * password checked) while the owner, from elsewhere, logs in; N failures are N guesses however
 * many are sent at once; one address trying many names must wait; staff lift blocks with a new
 * password, and lock an account outright.
 */
class LoginThrottlingIT extends LibraryDeploymentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PASSWORD = "a long member passphrase";

    /** library.login.client-failures of the test server (arquillian.xml); 10 by default. */
    private static final int CLIENT_FAILURES = 30;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void fiveFailuresBlockTheGuessingClientFromTheNameButNeverTheOwner() {
        String user = memberWithAccount();
        String stranger = address();
        String owner = address();
        for (int guess = 1; guess <= 5; guess++) {
            from(stranger, user, "wrong guess " + guess).get("/me").then().statusCode(401);
        }

        Response blocked = from(stranger, user, PASSWORD).get("/me");
        blocked.then().statusCode(429).contentType(PROBLEM).body("type", endsWith("/too-many-attempts"));
        assertThat(Long.parseLong(blocked.header("Retry-After"))).as("the first block: 15 minutes").isBetween(850L, 900L);
        from(owner, user, PASSWORD).get("/me").then().statusCode(200).body("username", is(user));
        api.request().get("/accounts/{u}", user).then().body("blockedClients", is(1)).body("locked", is(false));

        // staff set a new password: the blocked client may try again
        String fresh = "a brand new passphrase";
        api.request().body(Map.of("newPassword", fresh)).put("/accounts/{u}/password", user).then().statusCode(204);
        from(stranger, user, fresh).get("/me").then().statusCode(200);
        api.request().get("/accounts/{u}", user).then().body("blockedClients", is(0)).body("failedLogins", is(0));
    }

    @Test
    void twentyGuessesSentAtOnceAreCheckedFiveTimesAndTheRestRefusedUnchecked() throws Exception {
        String user = memberWithAccount();
        String guesser = address();
        int guesses = 20;
        CyclicBarrier start = new CyclicBarrier(guesses);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "parallel guess " + i;
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return from(guesser, user, guess).get("/me").statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(statuses).as("five guesses were checked, every other one refused before a check")
                .filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(guesses - 5);
        api.request().get("/accounts/{u}", user).then().body("failedLogins", is(5)).body("blockedClients", is(1));
    }

    @Test
    void anUnknownNameIsCountedAndBlockedLikeAKnownOne() {
        String unknown = "nobody-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String guesser = address();
        for (int guess = 1; guess <= 5; guess++) {
            from(guesser, unknown, "guess " + guess).get("/me").then().statusCode(401);
        }
        from(guesser, unknown, "guess 6").get("/me").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void oneAddressTryingManyNamesMustWaitBeforeEachFurtherTry() {
        String sprayer = address();
        for (int name = 1; name <= CLIENT_FAILURES; name++) {
            from(sprayer, "sprayed-" + name + "-" + ThreadLocalRandom.current().nextInt(1_000_000), "password one")
                    .get("/me").then().statusCode(401);
        }
        Response waiting = from(sprayer, "sprayed-next", "password one").get("/me");
        waiting.then().statusCode(429).contentType(PROBLEM);
        assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(1L, 2L);
        // the anonymous catalogue is not a login: the same address still reads it
        api.anonymous().header("X-Forwarded-For", sprayer).get("/books").then().statusCode(200);
    }

    @Test
    void anAccountLockedByStaffRefusesEvenTheRightPasswordUntilUnlocked() {
        String user = memberWithAccount();
        String owner = address();
        from(owner, user, PASSWORD).get("/me").then().statusCode(200);

        api.request().put("/accounts/{u}/lock", user).then().statusCode(200).body("locked", is(true));
        from(owner, user, PASSWORD).get("/me").then().statusCode(401).contentType(PROBLEM);

        api.request().delete("/accounts/{u}/lock", user).then().statusCode(200).body("locked", is(false));
        from(owner, user, PASSWORD).get("/me").then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordWhenChangingItCountsAsAFailedLogin() {
        String user = memberWithAccount();
        String owner = address();
        for (int guess = 1; guess <= 5; guess++) {
            from(owner, user, PASSWORD).body(Map.of("currentPassword", "wrong " + guess, "newPassword", "whatever it may be"))
                    .put("/me/password").then().statusCode(400).body("errors[0].field", is("currentPassword"));
        }
        from(owner, user, PASSWORD).body(Map.of("currentPassword", PASSWORD, "newPassword", "whatever it may be"))
                .put("/me/password").then().statusCode(429).contentType(PROBLEM)
                .body("detail", containsString("Try again"));
    }

    private String memberWithAccount() {
        String number = TestData.memberNumber();
        long id = api.member(number, "Throttled " + number);
        api.post("/members/" + id + "/account", Map.of("username", number, "password", PASSWORD)).statusCode(201);
        return number.toLowerCase();
    }

    /** A request as a client at {@code address} (the proxy's forwarded address) with these credentials. */
    private RequestSpecification from(String address, String user, String password) {
        return api.as(user, password).header("X-Forwarded-For", address);
    }

    /** A fresh client address from the documentation range, so that no two tests share one. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
    }
}
