package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The few pieces of the generator's SQL that H2 and PostgreSQL spell differently. Everything else
 * is the standard SQL both understand.
 */
enum SqlDialect {

    H2 {
        @Override
        String numbers(long from, long to) {
            return "(select x as n from system_range(" + from + ", " + to + ")) g";
        }

        @Override
        String secondsBefore(Instant instant, String seconds) {
            return "dateadd(second, -(" + seconds + "), " + timestamp(instant) + ")";
        }

        @Override
        String temporaryTable(String name) {
            return "create local temporary table " + name;
        }

        @Override
        String direct() {
            // Inserts each row as the query yields it; without it H2 first collects all the rows of
            // the query, and writes them to a temporary file once they are more than MAX_MEMORY_ROWS.
            return "direct ";
        }
    },

    POSTGRES {
        @Override
        String numbers(long from, long to) {
            return "generate_series(cast(" + from + " as bigint), cast(" + to + " as bigint)) as g(n)";
        }

        @Override
        String secondsBefore(Instant instant, String seconds) {
            return timestamp(instant) + " - (" + seconds + ") * interval '1 second'";
        }

        @Override
        String temporaryTable(String name) {
            return "create temporary table " + name;
        }

        @Override
        String direct() {
            return "";
        }
    };

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRES;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("The generator knows H2 and PostgreSQL, not " + product);
    }

    /** A table of the numbers {@code from..to} in a column {@code n}, for a FROM clause. */
    abstract String numbers(long from, long to);

    /** The timestamp {@code seconds} (an SQL expression) before {@code instant}. */
    abstract String secondsBefore(Instant instant, String seconds);

    /** The start of a CREATE statement for a table that only this connection sees and that goes with it. */
    abstract String temporaryTable(String name);

    /** What goes between {@code INSERT INTO t (columns)} and {@code SELECT} for a large insert. */
    abstract String direct();

    /** A literal, whole seconds in UTC. */
    static String timestamp(Instant instant) {
        return "timestamp with time zone '" + TIMESTAMP.format(instant) + "+00'";
    }
}
