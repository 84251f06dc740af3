package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

class UserServiceTest extends IntegrationTest {

    private final UserService users;

    UserServiceTest(TestData data, UserService users) {
        super(data);
        this.users = users;
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = "ADMIN")
    void only_an_administrator_creates_users_changes_whether_they_are_active_or_unlocks_them(Role role) {
        data.user("ada", Role.SALESPERSON);
        data.jdbc().update("""
                insert into sign_in_throttle (username, client_address, failures, last_failure_at, locked_until)
                values ('ada', '198.51.100.23', 5, current_timestamp, ?)
                """, Timestamp.from(Instant.now().plusSeconds(15 * 60)));
        signIn(role);

        assertThatThrownBy(() -> users.createUser("mallory", "Mallory", "a-long-enough-password", Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setActive("ada", false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.unlock("ada")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.lockedUntil()).isInstanceOf(AccessDeniedException.class);
        assertThat(users.findByUsername("mallory")).isEmpty();
        assertThat(data.jdbc().queryForObject("select active from app_user where username = 'ada'", Boolean.class)).isTrue();
        assertThat(data.count("sign_in_throttle")).as("the lock").isOne();
        assertThat(data.count("audit_entry")).isZero();
    }

    @Test
    void nobody_signed_in_creates_no_user() {
        assertThatThrownBy(() -> users.createUser("mallory", "Mallory", "a-long-enough-password", Role.ADMIN))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_administrator_creates_a_user_and_deactivates_it() {
        signIn(Role.ADMIN);

        users.createUser("ada", "Ada Lovelace", "a-long-enough-password", Role.SALESPERSON);
        users.setActive("ada", false);

        assertThat(users.findByUsername("ada")).map(UserSummary::displayName).hasValue("Ada Lovelace");
        assertThat(data.jdbc().queryForObject("select active from app_user where username = 'ada'", Boolean.class)).isFalse();
    }

    @Test
    void start_up_code_creates_users_as_the_system_and_gets_its_own_context_back() {
        signIn("someone", Role.SALESPERSON);

        UserSummary created = SystemAuthentication.callAsSystem(
                () -> users.createUser("first-admin", "Administrator", "a-long-enough-password", Role.ADMIN));

        assertThat(created.role()).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> users.setActive("first-admin", false)).as("back to the salesperson")
                .isInstanceOf(AccessDeniedException.class);
    }
}
