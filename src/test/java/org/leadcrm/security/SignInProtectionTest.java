package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.lang.Nullable;

/**
 * Sign-in over real HTTP: the protections a business app's users expect. Client addresses are
 * given as {@code X-Forwarded-For}, which the server believes because the tests connect from
 * loopback, a trusted proxy address.
 */
class SignInProtectionTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String ATTACKER = "198.51.100.23";
    private static final String OWNER = "203.0.113.7";
    private static final String REFUSED = "/login?error";

    private final UserService users;

    @LocalServerPort
    private int port;

    SignInProtectionTest(TestData data, UserService users) {
        super(data);
        this.users = users;
    }

    @Test
    void the_right_password_signs_in_and_a_wrong_one_does_not() throws Exception {
        data.user("ada", Role.SALESPERSON);

        assertThat(signIn("ada", "wrong")).isEqualTo(REFUSED);
        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
    }

    @Test
    void a_successful_sign_in_is_noted_as_the_users_last_and_a_failed_one_is_not() throws Exception {
        data.user("ada", Role.SALESPERSON);
        signIn("ada", "wrong");
        assertThat(lastSignIn("ada")).as("after a wrong password").isNull();

        Instant before = Instant.now().minusSeconds(1);
        signIn("ada", TestData.PASSWORD);

        assertThat(lastSignIn("ada")).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void repeated_failed_sign_ins_lock_the_account_for_a_while() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn("ada", "guess-" + attempt)).isEqualTo(REFUSED);
        }

        assertThat(signIn("ada", TestData.PASSWORD)).as("locked even with the right password").isEqualTo(REFUSED);
    }

    @Test
    void a_successful_sign_in_resets_the_count_of_failures() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn("ada", "guess-" + attempt);
        }
        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn("ada", "guess-" + attempt);
        }

        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
    }

    @Test
    void a_deactivated_user_cannot_sign_in() throws Exception {
        data.user("ada", Role.ADMIN);
        data.jdbc().update("update app_user set active = false where username = 'ada'");

        assertThat(signIn("ada", TestData.PASSWORD)).isEqualTo(REFUSED);
    }

    @Test
    void twenty_parallel_wrong_passwords_lock_the_account_for_that_address_only() throws Exception {
        data.user("ada", Role.SALESPERSON);
        data.user(Role.ADMIN);

        List<Answer> answers = inParallel(20, () -> openLoginForm(ATTACKER), form -> form.submit("ada", "guess"));

        long serverErrors = answers.stream().filter(Answer::isServerError).count();
        int failures = failures("ada", ATTACKER);
        signIn(Role.ADMIN);
        boolean locked = users.lockedUntil().containsKey("ada");
        assertThat(answers).extracting(Answer::path).containsOnly(REFUSED);
        assertThat(serverErrors).as("server errors").isZero();
        assertThat(failures).as("failures counted").isEqualTo(20);
        assertThat(locked).as("locked").isTrue();

        String fromLockedAddress = signIn("ada", TestData.PASSWORD, ATTACKER);
        String fromAnotherAddress = signIn("ada", TestData.PASSWORD, OWNER);
        assertThat(fromLockedAddress).as("the right password from the locked address").isEqualTo(REFUSED);
        assertThat(fromAnotherAddress).as("the right password from another address").isEqualTo("/");

        boolean unlocked = users.unlock("ada");
        String afterUnlock = signIn("ada", TestData.PASSWORD, ATTACKER);
        assertThat(unlocked).isTrue();
        assertThat(afterUnlock).as("the right password from the unlocked address").isEqualTo("/");
        assertThat(auditEntries("ada")).containsExactly(
                "ACCOUNT_LOCKED by system",
                "ACCOUNT_UNLOCKED by " + TestData.usernameOf(Role.ADMIN));

        System.out.printf("[sign-in] %d parallel wrong passwords: %d failures counted, %d server errors, locked: %s; "
                        + "correct password from the locked address: %s; from another address: %s; "
                        + "after an Administrator's unlock, from the locked address: %s%n",
                answers.size(), failures, serverErrors, locked,
                outcome(fromLockedAddress), outcome(fromAnotherAddress), outcome(afterUnlock));
    }

    @Test
    void an_administrator_unlocks_an_account_for_every_address_it_was_locked_for() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (String address : List.of(ATTACKER, OWNER)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn("ada", "guess-" + attempt, address);
            }
        }
        signIn(Role.ADMIN);
        Instant lockedUntil = users.lockedUntil().get("ada");
        assertThat(lockedUntil).as("the later of the two locks").isEqualTo(latestLock("ada"));
        assertThat(lockedUntil).isAfter(Instant.now().plusSeconds(14 * 60));

        assertThat(users.unlock("ada")).isTrue();

        assertThat(users.lockedUntil()).isEmpty();
        assertThat(signIn("ada", TestData.PASSWORD, ATTACKER)).isEqualTo("/");
        assertThat(signIn("ada", TestData.PASSWORD, OWNER)).isEqualTo("/");
        assertThat(users.unlock("ada")).as("unlocking an account that is not locked").isFalse();
        assertThat(auditEntries("ada")).containsExactly(
                "ACCOUNT_LOCKED by system", "ACCOUNT_LOCKED by system", "ACCOUNT_UNLOCKED by admin");
    }

    @Test
    void a_lock_ends_after_its_duration_and_the_count_starts_again() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 6; attempt++) {
            signIn("ada", "guess-" + attempt, ATTACKER);
        }
        assertThat(failures("ada", ATTACKER)).isEqualTo(6);

        // the fifteen minutes are over
        data.jdbc().update("update sign_in_throttle set locked_until = ? where username = 'ada'",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(signIn("ada", "guess-7", ATTACKER)).isEqualTo(REFUSED);

        assertThat(failures("ada", ATTACKER)).isEqualTo(1);
        assertThat(signIn("ada", TestData.PASSWORD, ATTACKER)).isEqualTo("/");
    }

    @Test
    void failures_are_forgiven_after_a_quiet_spell_as_long_as_a_lock() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn("ada", "guess-" + attempt, ATTACKER);
        }
        data.jdbc().update("update sign_in_throttle set last_failure_at = ? where username = 'ada'",
                java.sql.Timestamp.from(Instant.now().minusSeconds(16 * 60)));

        signIn("ada", "guess-5", ATTACKER);

        assertThat(failures("ada", ATTACKER)).isEqualTo(1);
        assertThat(signIn("ada", TestData.PASSWORD, ATTACKER)).isEqualTo("/");
    }

    @Test
    void an_unknown_username_is_refused_alike_and_its_lock_is_not_audited() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn("nobody", "guess-" + attempt, ATTACKER)).isEqualTo(REFUSED);
        }

        assertThat(failures("nobody", ATTACKER)).isEqualTo(5);
        assertThat(data.count("audit_entry")).isZero();
    }

    // --- signing in over HTTP ------------------------------------------------------------------------

    /** Signs in through the login form as a browser would; returns where the app sends the user. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        return signIn(username, password, null);
    }

    private String signIn(String username, String password, @Nullable String clientAddress)
            throws IOException, InterruptedException {
        Answer answer = openLoginForm(clientAddress).submit(username, password);
        assertThat(answer.status()).as("the answer to signing in").isEqualTo(302);
        return answer.path();
    }

    /** Loads the login page (for its CSRF token and session) as a browser at {@code clientAddress}. */
    private LoginForm openLoginForm(@Nullable String clientAddress) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(request("/login", clientAddress).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        return new LoginForm(client, clientAddress, csrf.group(1));
    }

    private final class LoginForm {

        private final HttpClient client;
        private final @Nullable String clientAddress;
        private final String csrf;

        LoginForm(HttpClient client, @Nullable String clientAddress, String csrf) {
            this.client = client;
            this.clientAddress = clientAddress;
            this.csrf = csrf;
        }

        Answer submit(String username, String password) throws IOException, InterruptedException {
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
            HttpResponse<Void> response = client.send(request("/login", clientAddress)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElse("");
            String path = location.isEmpty() ? "" : URI.create(location).getRawPath() + (location.contains("?error") ? "?error" : "");
            return new Answer(response.statusCode(), path);
        }
    }

    private record Answer(int status, String path) {

        boolean isServerError() {
            return status >= 500;
        }
    }

    private interface Step<T, R> {
        R apply(T input) throws Exception;
    }

    private interface Preparation<T> {
        T prepare() throws Exception;
    }

    /**
     * Prepares {@code count} requests one by one, then sends them all at once from as many threads
     * and returns their answers.
     */
    private static <T> List<Answer> inParallel(int count, Preparation<T> prepare, Step<T, Answer> send) throws Exception {
        List<T> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(prepare.prepare());
        }
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (T input : prepared) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send.apply(input);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    // --- reading the outcome ---------------------------------------------------------------------------

    private int failures(String username, String clientAddress) {
        return data.jdbc().queryForObject("select failures from sign_in_throttle where username = ? and client_address = ?",
                Integer.class, username, clientAddress);
    }

    private Instant latestLock(String username) {
        return data.jdbc().queryForObject("select max(locked_until) from sign_in_throttle where username = ?",
                java.sql.Timestamp.class, username).toInstant();
    }

    /** The audit entries about an account, oldest first, as "OPERATION by actor". */
    private @Nullable Instant lastSignIn(String username) {
        java.sql.Timestamp at = data.jdbc().queryForObject("select last_sign_in_at from app_user where username = ?",
                java.sql.Timestamp.class, username);
        return at == null ? null : at.toInstant();
    }

    private List<String> auditEntries(String username) {
        return data.jdbc().queryForList("""
                select operation || ' by ' || username from audit_entry where target_username = ? order by id
                """, String.class, username);
    }

    private static String outcome(String path) {
        return switch (path) {
            case REFUSED -> "refused";
            case "/" -> "accepted";
            default -> "sent to " + path;
        };
    }

    private HttpRequest.Builder request(String path, @Nullable String clientAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
