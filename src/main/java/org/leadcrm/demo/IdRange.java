package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ids of the contacts one generator run added, {@code first..last} without gaps, and a way to
 * run set-based statements over them a slice at a time. Each slice commits: one statement over a
 * million rows would make one huge transaction, which H2 keeps in memory.
 */
record IdRange(long first, long last) {

    static final int SLICE = 100_000;

    /** The statement for the ids {@code from..to}. */
    @FunctionalInterface
    interface SliceStatement {
        String sql(long from, long to);
    }

    long size() {
        return last - first + 1;
    }

    /**
     * Runs the statement of each slice of ids and commits.
     *
     * @return the rows changed in all slices
     */
    long updateInSlices(Connection connection, SliceStatement statement) throws SQLException {
        long changed = 0;
        try (Statement sql = connection.createStatement()) {
            for (long from = first; from <= last; from += SLICE) {
                changed += sql.executeUpdate(statement.sql(from, Math.min(last, from + SLICE - 1)));
                connection.commit();
            }
        }
        return changed;
    }
}
