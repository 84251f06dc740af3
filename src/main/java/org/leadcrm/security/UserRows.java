package org.leadcrm.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Users page's rows, a page at a time, sorted in SQL. Each row's lock is read from the
 * throttle's rows of that username only (its primary key starts with the username), so a page
 * costs the same however many client addresses have ever failed to sign in.
 */
@Component
class UserRows {

    /** Roles in the order of the roles table, Administrator first, rather than by their codes. */
    private static final String ROLE_RANK = Arrays.stream(Role.values())
            .map(role -> "when '" + role.name() + "' then " + role.ordinal())
            .collect(Collectors.joining(" ", "case u.role ", " end"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    UserRows(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<UserRow> find(UserSort sort, boolean ascending, int offset, int limit) {
        String direction = ascending ? " asc" : " desc";
        return jdbc.query("""
                select u.username, u.display_name, u.role, u.active, u.last_sign_in_at,
                    (select max(t.locked_until) from sign_in_throttle t
                     where t.username = u.username and t.locked_until > :now) as locked_until
                from app_user u
                order by %s%s, u.username_key
                limit :limit offset :offset
                """.formatted(column(sort), direction),
                new MapSqlParameterSource("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .addValue("limit", limit)
                        .addValue("offset", offset),
                UserRows::map);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from app_user", new MapSqlParameterSource(), Long.class);
        return count == null ? 0 : count;
    }

    private static String column(UserSort sort) {
        return switch (sort) {
            case USERNAME -> "u.username_key";
            case NAME -> "u.display_name";
            case ROLE -> ROLE_RANK;
            case ACTIVE -> "u.active";
            case LAST_SIGN_IN -> "u.last_sign_in_at";
        };
    }

    private static UserRow map(ResultSet rs, int rowNum) throws SQLException {
        return new UserRow(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"), instant(rs, "locked_until"), instant(rs, "last_sign_in_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
