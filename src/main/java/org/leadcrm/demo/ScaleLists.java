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
 * for a list of a known size) or C (the rest). The members are numbered rows, not rows read
 * from the contact table: the new ids are known.
 */
final class ScaleLists {

    static final int COUNT = 4;
    static final int FIRST_BLOCK = 100_000;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Instant instant;
    private final Timestamp now;
    private final String createdBy;

    ScaleLists(Connection connection, SqlDialect dialect, Instant now, String createdBy) {
        this.connection = connection;
        this.dialect = dialect;
        this.instant = now;
        this.now = Timestamp.from(now);
        this.createdBy = createdBy;
    }

    /** @return the memberships added */
    long fill(IdRange added) throws SQLException {
        long size = added.size();
        // a list of a known size for benchmarks; for small runs half, so that C is not empty
        long firstBlock = size >= FIRST_BLOCK ? FIRST_BLOCK : size / 2;
        long cutoff = added.first() + firstBlock - 1;
        String suffix = freeSuffix();
        long a = create("Scale list A" + suffix, "Scale test: the generated contacts with an even id.");
        long b = create("Scale list B" + suffix, "Scale test: the generated contacts with an odd id.");
        String block = String.format(Locale.ROOT, "%,d", firstBlock);
        long c = create("Scale list C" + suffix, "Scale test: the generated contacts after the first " + block + ".");
        long d = create("Scale list D" + suffix, "Scale test: the first " + block + " generated contacts.");
        connection.commit();
        return add(added, a, "mod(n, 2) = 0")
                + add(added, b, "mod(n, 2) = 1")
                + add(added, c, "n > " + cutoff)
                + add(added, d, "n <= " + cutoff);
    }

    private long add(IdRange added, long listId, String condition) throws SQLException {
        return added.updateInSlices(connection, (from, to) -> """
                insert into list_member (list_id, contact_id, source, added_at)
                %sselect %d, n, 'MANUAL', %s from %s
                where %s
                """.formatted(dialect.direct(), listId, SqlDialect.timestamp(instant), dialect.numbers(from, to), condition));
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
