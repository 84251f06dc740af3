package org.leadcrm.base;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/** A {@code select count(*)} read as a plain number. */
public final class SqlCounts {

    private SqlCounts() {
    }

    public static long count(NamedParameterJdbcOperations jdbc, String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }
}
