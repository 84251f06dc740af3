package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Four manual lists for a generator run, filled set-based so that every new contact is on
 * exactly two of them: A or B by the parity of its id, and D (the first 100,000 new contacts,
 * for a list of a known size) or C (the rest).
 */
final class ScaleLists {

    static final int COUNT = 4;
    static final int FIRST_BLOCK = 100_000;

    private final Connection connection;
    private final Timestamp now;
    private final String createdBy;

    ScaleLists(Connection connection, Instant now, String createdBy) {
        this.connection = connection;
        this.now = Timestamp.from(now);
        this.createdBy = createdBy;
    }

    /** @return the memberships added */
    long fill(IdRange added) throws SQLException {
        long size = added.last() - added.first() + 1;
        // a list of a known size for benchmarks; for small runs half, so that C is not empty
        long firstBlock = size >= FIRST_BLOCK ? FIRST_BLOCK : size / 2;
        long cutoff = idAt(added, firstBlock);
        String suffix = freeSuffix();
        long a = create("Scale list A" + suffix, "Scale test: the generated contacts with an even id.");
        long b = create("Scale list B" + suffix, "Scale test: the generated contacts with an odd id.");
        String block = String.format(Locale.ROOT, "%,d", firstBlock);
        long c = create("Scale list C" + suffix, "Scale test: the generated contacts after the first " + block + ".");
        long d = create("Scale list D" + suffix, "Scale test: the first " + block + " generated contacts.");
        connection.commit();
        return add(added, a, "mod(c.id, 2) = 0")
                + add(added, b, "mod(c.id, 2) = 1")
                + add(added, c, "c.id > " + cutoff)
                + add(added, d, "c.id <= " + cutoff);
    }

    private long add(IdRange added, long listId, String condition) throws SQLException {
        return added.updateInSlices(connection, """
                insert into list_member (list_id, contact_id, source, added_at)
                select ?, c.id, 'MANUAL', ? from contact c
                where %s and c.id between ? and ?
                """.formatted(condition), listId, now);
    }

    /** The id of the {@code position}-th added contact; the last id before them for 0. */
    private long idAt(IdRange added, long position) throws SQLException {
        if (position == 0) {
            return added.first() - 1;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select id from contact where id >= ? order by id limit 1 offset ?")) {
            statement.setLong(1, added.first());
            statement.setLong(2, position - 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : added.last();
            }
        }
    }

    /** "" for the first run, " (2)", " (3)" … after: list names are unique. */
    private String freeSuffix() throws SQLException {
        for (int run = 1; ; run++) {
            String suffix = run == 1 ? "" : " (" + run + ")";
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from contact_list where name_key like ?")) {
                statement.setString(1, "scale list _" + suffix);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return suffix;
                    }
                }
            }
        }
    }

    private long create(String name, String description) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into contact_list (name, name_key, description, manual, created_by, created_at)
                values (?, ?, ?, true, ?, ?)
                """, new String[] {"id"})) {
            statement.setString(1, name);
            statement.setString(2, name.toLowerCase(Locale.ROOT));
            statement.setString(3, description);
            statement.setString(4, createdBy);
            statement.setTimestamp(5, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
