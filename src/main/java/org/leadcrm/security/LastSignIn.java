package org.leadcrm.security;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each user last signed in, for the Users page. One statement that leaves the row's version
 * alone (and is not mapped on {@link AppUser}): a sign-in never collides with an Administrator's
 * change to the same user.
 */
@Component
class LastSignIn {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    LastSignIn(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String username) {
        jdbc.update("update app_user set last_sign_in_at = :now where username = :username",
                new MapSqlParameterSource("username", username).addValue("now", clock.instant().atOffset(ZoneOffset.UTC)));
    }
}
