package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The ids of the contacts one generator run added, and a way to run set-based statements over
 * them a slice at a time. Each slice commits: one statement over a million rows would make
 * one huge transaction, which H2 keeps in memory.
 */
record IdRange(long first, long last) {

    static final int SLICE = 100_000;

    /**
     * Runs {@code sql} for each slice of ids and commits. The statement's last two parameters
     * are a slice's first and last id ({@code c.id between ? and ?}); {@code params} go before.
     *
     * @return the rows changed in all slices
     */
    long updateInSlices(Connection connection, String sql, Object... params) throws SQLException {
        long changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (long from = first; from <= last; from += SLICE) {
                int index = 1;
                for (Object param : params) {
                    statement.setObject(index++, param);
                }
                statement.setLong(index++, from);
                statement.setLong(index, Math.min(last, from + SLICE - 1));
                changed += statement.executeUpdate();
                connection.commit();
            }
        }
        return changed;
    }
}
