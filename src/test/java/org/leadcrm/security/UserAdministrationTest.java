package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.UserChangeRefusedException.Field;
import org.leadcrm.testsupport.Concurrently;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.TestSecurityContextHolder;

/** PRODUCT.md's "Users": what an Administrator may change, what is refused and why, and the audit of it. */
class UserAdministrationTest extends IntegrationTest {

    private static final String GOOD_PASSWORD = "plum-harbour-lantern-42";
    private static final String OTHER_GOOD_PASSWORD = "quiet-meadow-copper-17";

    private final UserService users;
    private final PasswordEncoder passwordEncoder;

    UserAdministrationTest(TestData data, UserService users, PasswordEncoder passwordEncoder) {
        super(data);
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    // --- creating ------------------------------------------------------------------------------------

    @Test
    void an_administrator_creates_a_user_who_signs_in_with_the_initial_password_and_the_audit_log_names_them() {
        signIn(Role.ADMIN);

        UserSummary created = users.createUser(" ada ", " Ada Lovelace ", GOOD_PASSWORD, Role.MARKETING_MANAGER);

        assertThat(created.username()).isEqualTo("ada");
        assertThat(created.displayName()).isEqualTo("Ada Lovelace");
        assertThat(created.role()).isEqualTo(Role.MARKETING_MANAGER);
        assertThat(passwordMatches("ada", GOOD_PASSWORD)).isTrue();
        assertThat(audit()).containsExactly("USER_CREATED by admin on ada: Marketing Manager");
    }

    @Test
    void a_username_taken_in_any_letter_case_is_refused_on_the_username() {
        signIn(Role.ADMIN);
        users.createUser("ada", "Ada Lovelace", GOOD_PASSWORD, Role.SALESPERSON);

        assertRefused(() -> users.createUser("ADA", "Ada Byron", OTHER_GOOD_PASSWORD, Role.SALESPERSON),
                Field.USERNAME, "That username is taken");
        assertThat(data.count("app_user")).isOne();
        assertThat(audit()).hasSize(1);
    }

    @Test
    void a_username_a_name_and_a_role_are_required_and_checked_field_by_field() {
        signIn(Role.ADMIN);

        assertRefused(() -> users.createUser("  ", "Ada", GOOD_PASSWORD, Role.SALESPERSON), Field.USERNAME, "Enter a username.");
        assertRefused(() -> users.createUser("ada lovelace", "Ada", GOOD_PASSWORD, Role.SALESPERSON), Field.USERNAME,
                "Use letters, digits and . _ @ - only, no spaces.");
        assertRefused(() -> users.createUser("a".repeat(51), "Ada", GOOD_PASSWORD, Role.SALESPERSON), Field.USERNAME,
                "At most 50 characters.");
        assertRefused(() -> users.createUser("ada", "", GOOD_PASSWORD, Role.SALESPERSON), Field.DISPLAY_NAME, "Enter a name.");
        assertRefused(() -> users.createUser("ada", "Ada", GOOD_PASSWORD, null), Field.ROLE, "Choose a role.");
        assertRefused(() -> users.createUser("System", "Sneaky", GOOD_PASSWORD, Role.ADMIN), Field.USERNAME,
                "\"system\" is the application's own name");
        assertThat(data.count("app_user")).isZero();
        assertThat(data.count("audit_entry")).isZero();
    }

    @Test
    void an_initial_password_that_is_short_or_common_is_refused_on_the_password() {
        signIn(Role.ADMIN);

        assertRefused(() -> users.createUser("ada", "Ada", "short-one", Role.SALESPERSON), Field.PASSWORD,
                "Use at least 12 characters (this has 9).");
        assertRefused(() -> users.createUser("ada", "Ada", "qwertyuiopasdf", Role.SALESPERSON), Field.PASSWORD,
                "Too easy to guess");
        assertThat(data.count("app_user")).isZero();
    }

    @Test
    void the_demo_users_are_created_only_by_the_application_itself() {
        signIn(Role.ADMIN);
        assertThatThrownBy(() -> users.createDemoUser("weak", "Weak", "demo", Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);

        UserSummary demo = onOwnThread(() -> SystemAuthentication.callAsSystem(
                () -> users.createDemoUser("weak", "Weak", "demo", Role.SALESPERSON)));

        assertThat(demo.username()).isEqualTo("weak");
        assertThat(passwordMatches("weak", "demo")).isTrue();
    }

    // --- roles ---------------------------------------------------------------------------------------

    @Test
    void a_role_change_is_audited_with_the_old_and_the_new_role() {
        data.user("ada", Role.SALESPERSON);
        signIn(Role.ADMIN);

        users.changeRole("ada", Role.SALES_MANAGER);

        assertThat(users.findByUsername("ada")).map(UserSummary::role).hasValue(Role.SALES_MANAGER);
        assertThat(audit()).containsExactly("ROLE_CHANGED by admin on ada: Salesperson → Sales Manager");
    }

    @Test
    void the_last_active_administrator_cannot_be_demoted_even_with_a_deactivated_one_left() {
        data.user("root", Role.ADMIN);
        data.user("retired", Role.ADMIN);
        data.jdbc().update("update app_user set active = false where username = 'retired'");
        signIn("root", Role.ADMIN);

        assertRefused(() -> users.changeRole("root", Role.COMPANY_MANAGER), Field.ACCOUNT,
                "User root is the last active Administrator: make someone else an Administrator before you change their role.");
        assertThat(users.findByUsername("root")).map(UserSummary::role).hasValue(Role.ADMIN);
        assertThat(audit()).isEmpty();
    }

    @Test
    void an_administrator_steps_down_when_another_is_active() {
        data.user("root", Role.ADMIN);
        data.user("deputy", Role.ADMIN);
        signIn("root", Role.ADMIN);

        users.changeRole("root", Role.COMPANY_MANAGER);

        assertThat(users.findByUsername("root")).map(UserSummary::role).hasValue(Role.COMPANY_MANAGER);
    }

    // --- deactivating --------------------------------------------------------------------------------

    @Test
    void a_user_is_deactivated_and_reactivated_and_both_are_audited() {
        data.user("ada", Role.SALESPERSON);
        signIn(Role.ADMIN);

        users.setActive("ada", false);
        assertThat(active("ada")).isFalse();
        users.setActive("ada", true);

        assertThat(active("ada")).isTrue();
        assertThat(audit()).containsExactly("USER_DEACTIVATED by admin on ada", "USER_REACTIVATED by admin on ada");
    }

    @Test
    void nobody_deactivates_themselves() {
        data.user("root", Role.ADMIN);
        data.user("deputy", Role.ADMIN);
        signIn("root", Role.ADMIN);

        assertRefused(() -> users.setActive("root", false), Field.ACCOUNT,
                "You cannot deactivate yourself: another Administrator can.");
        assertThat(active("root")).isTrue();
    }

    @Test
    void the_last_active_administrator_cannot_be_deactivated() {
        data.user("root", Role.ADMIN);
        // an Administrator deactivated meanwhile, whose session is still open
        signIn("former", Role.ADMIN);

        assertRefused(() -> users.setActive("root", false), Field.ACCOUNT, "User root is the last active Administrator");
        assertThat(active("root")).isTrue();
    }

    @Test
    void two_administrators_deactivating_each_other_at_once_leave_one_of_them_active() throws Exception {
        for (int round = 0; round < 5; round++) {
            data.wipe();
            data.user("root", Role.ADMIN);
            data.user("deputy", Role.ADMIN);
            List<Throwable> outcomes = atOnce(
                    () -> users.setActive("deputy", false), "root",
                    () -> users.setActive("root", false), "deputy");

            assertThat(outcomes).as("round " + round).filteredOn(outcome -> outcome == null).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome != null)
                    .allSatisfy(refused -> assertThat(refused).isInstanceOf(UserChangeRefusedException.class)
                            .hasMessageContaining("last active Administrator"));
            assertThat(data.jdbc().queryForObject("select count(*) from app_user where role = 'ADMIN' and active = true",
                    Integer.class)).isOne();
        }
    }

    @Test
    void two_administrators_demoting_each_other_at_once_leave_one_of_them_administrator() throws Exception {
        for (int round = 0; round < 5; round++) {
            data.wipe();
            data.user("root", Role.ADMIN);
            data.user("deputy", Role.ADMIN);

            List<Throwable> outcomes = atOnce(
                    () -> users.changeRole("deputy", Role.SALESPERSON), "root",
                    () -> users.changeRole("root", Role.SALESPERSON), "deputy");

            assertThat(outcomes).as("round " + round).filteredOn(outcome -> outcome == null).hasSize(1);
            assertThat(data.jdbc().queryForObject("select count(*) from app_user where role = 'ADMIN' and active = true",
                    Integer.class)).isOne();
        }
    }

    // --- passwords -----------------------------------------------------------------------------------

    @Test
    void an_administrator_resets_a_forgotten_password_under_the_same_rules() {
        data.user("ada", Role.SALESPERSON);
        signIn(Role.ADMIN);

        assertRefused(() -> users.resetPassword("ada", "password1234"), Field.PASSWORD, "Too easy to guess");
        users.resetPassword("ada", GOOD_PASSWORD);

        assertThat(passwordMatches("ada", GOOD_PASSWORD)).isTrue();
        assertThat(passwordMatches("ada", TestData.PASSWORD)).isFalse();
        assertThat(audit()).containsExactly("PASSWORD_RESET by admin on ada");
    }

    @Test
    void an_administrator_changes_their_own_password_only_with_the_current_one() {
        data.user("root", Role.ADMIN);
        signIn("root", Role.ADMIN);

        assertRefused(() -> users.resetPassword("root", GOOD_PASSWORD), Field.ACCOUNT, "use Change password in your user menu");
        assertThat(passwordMatches("root", TestData.PASSWORD)).isTrue();
    }

    @Test
    void every_user_changes_their_own_password_with_the_current_one_and_it_is_audited() {
        for (Role role : Role.values()) {
            data.user(role);
            signIn(role);

            users.changeOwnPassword(TestData.PASSWORD, GOOD_PASSWORD, "203.0.113.7");

            assertThat(passwordMatches(TestData.usernameOf(role), GOOD_PASSWORD)).as(role.displayName()).isTrue();
        }
        assertThat(audit()).hasSize(Role.values().length)
                .contains("PASSWORD_CHANGED by jr_salesperson on jr_salesperson");
    }

    @Test
    void a_wrong_current_password_is_refused_and_counted_like_a_failed_sign_in() {
        data.user("ada", Role.SALESPERSON);
        signIn("ada", Role.SALESPERSON);

        assertRefused(() -> users.changeOwnPassword("a wrong guess", GOOD_PASSWORD, "203.0.113.7"), Field.CURRENT_PASSWORD,
                "That is not your current password.");

        assertThat(failures("ada", "203.0.113.7")).isOne();
        assertThat(passwordMatches("ada", TestData.PASSWORD)).isTrue();
    }

    @Test
    void five_wrong_current_passwords_lock_the_address_out_until_an_administrator_unlocks_it() {
        data.user("ada", Role.SALESPERSON);
        signIn("ada", Role.SALESPERSON);
        for (int guess = 1; guess <= 5; guess++) {
            int attempt = guess;
            assertRefused(() -> users.changeOwnPassword("guess-" + attempt, GOOD_PASSWORD, "203.0.113.7"),
                    Field.CURRENT_PASSWORD, "That is not your current password.");
        }

        assertRefused(() -> users.changeOwnPassword(TestData.PASSWORD, GOOD_PASSWORD, "203.0.113.7"), Field.CURRENT_PASSWORD,
                "Too many wrong passwords from here");
        users.changeOwnPassword(TestData.PASSWORD, GOOD_PASSWORD, "198.51.100.23");

        assertThat(passwordMatches("ada", GOOD_PASSWORD)).as("changed from another address").isTrue();
        assertThat(audit()).containsExactly("ACCOUNT_LOCKED by ada on ada", "PASSWORD_CHANGED by ada on ada");
    }

    @Test
    void the_right_current_password_clears_the_count_of_wrong_ones() {
        data.user("ada", Role.SALESPERSON);
        signIn("ada", Role.SALESPERSON);
        assertRefused(() -> users.changeOwnPassword("a wrong guess", GOOD_PASSWORD, "203.0.113.7"), Field.CURRENT_PASSWORD,
                "That is not your current password.");

        users.changeOwnPassword(TestData.PASSWORD, GOOD_PASSWORD, "203.0.113.7");

        assertThat(data.count("sign_in_throttle")).isZero();
    }

    @Test
    void a_new_password_that_is_the_current_one_or_weak_is_refused_on_the_new_password() {
        data.user("ada", Role.SALESPERSON);
        signIn("ada", Role.SALESPERSON);

        assertRefused(() -> users.changeOwnPassword(TestData.PASSWORD, TestData.PASSWORD, null), Field.PASSWORD,
                "Choose a password other than your current one.");
        assertRefused(() -> users.changeOwnPassword(TestData.PASSWORD, "iloveyou1234", null), Field.PASSWORD,
                "Too easy to guess");
        assertThat(passwordMatches("ada", TestData.PASSWORD)).isTrue();
        assertThat(audit()).isEmpty();
    }

    @Test
    void no_password_is_ever_written_to_the_audit_log_or_the_users_table() {
        signIn(Role.ADMIN);
        users.createUser("ada", "Ada Lovelace", GOOD_PASSWORD, Role.SALESPERSON);
        users.resetPassword("ada", OTHER_GOOD_PASSWORD);
        signIn("ada", Role.SALESPERSON);
        users.changeOwnPassword(OTHER_GOOD_PASSWORD, "amber-violin-thunder-88", null);

        String everything = data.everyRow().toString();

        assertThat(everything).doesNotContain(GOOD_PASSWORD, OTHER_GOOD_PASSWORD, "amber-violin-thunder-88");
        assertThat(audit()).hasSize(3);
    }

    // --- the Users page's rows -----------------------------------------------------------------------

    @Test
    void the_users_page_reads_a_sorted_page_with_locks_and_last_sign_ins() {
        data.user("zoe", Role.SALESPERSON);
        data.user("ada", Role.ADMIN);
        data.user("bob", Role.JR_SALESPERSON);
        data.jdbc().update("update app_user set active = false where username = 'bob'");
        data.jdbc().update("update app_user set last_sign_in_at = ? where username = 'zoe'",
                Timestamp.from(Instant.parse("2025-06-01T08:00:00Z")));
        Instant lockedUntil = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        data.jdbc().update("""
                insert into sign_in_throttle (username, client_address, failures, last_failure_at, locked_until)
                values ('zoe', '198.51.100.23', 5, current_timestamp, ?)
                """, Timestamp.from(lockedUntil));
        signIn(Role.ADMIN);

        List<UserRow> byUsername = users.findUsers(UserSort.USERNAME, true, 0, 10);
        List<UserRow> byRole = users.findUsers(UserSort.ROLE, true, 0, 2);

        assertThat(byUsername).extracting(UserRow::username).containsExactly("ada", "bob", "zoe");
        assertThat(byUsername.get(1).active()).isFalse();
        assertThat(byUsername.get(2).lockedUntil()).isEqualTo(lockedUntil);
        assertThat(byUsername.get(2).lastSignInAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(byUsername.get(0).locked()).isFalse();
        assertThat(byUsername.get(0).lastSignInAt()).isNull();
        assertThat(byRole).extracting(UserRow::username).as("in the order of the roles table").containsExactly("ada", "zoe");
        assertThat(users.findUsers(UserSort.LAST_SIGN_IN, false, 2, 10)).hasSize(1);
        assertThat(users.countUsers()).isEqualTo(3);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static void assertRefused(Runnable change, Field field, String reason) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(UserChangeRefusedException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).contains(reason);
        });
    }

    private boolean passwordMatches(String username, String password) {
        String hash = data.jdbc().queryForObject("select password_hash from app_user where username = ?", String.class, username);
        return passwordEncoder.matches(password, hash);
    }

    private boolean active(String username) {
        return Boolean.TRUE.equals(data.jdbc().queryForObject("select active from app_user where username = ?",
                Boolean.class, username));
    }

    private int failures(String username, String address) {
        return data.jdbc().queryForObject("select failures from sign_in_throttle where username = ? and client_address = ?",
                Integer.class, username, address);
    }

    /** "OPERATION by who on whom: detail", oldest first. */
    private List<String> audit() {
        return data.jdbc().queryForList("""
                select operation || ' by ' || username || ' on ' || target_username
                    || coalesce(': ' || subject, '') from audit_entry order by id
                """, String.class);
    }

    /** Two Administrators' changes started together, each on its own thread; null for each that passed. */
    private static List<Throwable> atOnce(Runnable first, String firstUser, Runnable second, String secondUser) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Throwable>> changes = List.of(
                    CompletableFuture.supplyAsync(() -> attempt(first, firstUser, ready, go), threads),
                    CompletableFuture.supplyAsync(() -> attempt(second, secondUser, ready, go), threads));
            Concurrently.await(ready);
            go.countDown();
            return changes.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Throwable attempt(Runnable change, String username, CountDownLatch ready, CountDownLatch go) {
        signIn(username, Role.ADMIN);
        try {
            ready.countDown();
            Concurrently.await(go);
            change.run();
            return null;
        } catch (RuntimeException refused) {
            return refused;
        } finally {
            TestSecurityContextHolder.clearContext();
        }
    }

    private static <T> T onOwnThread(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, job -> new Thread(job, "as-the-application").start()).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
