package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

/**
 * Adds many contacts quickly, for scale tests and benchmarks: a million in a few minutes. Plain
 * JDBC batches on one connection, committing as it goes (not one transaction: a million rows
 * of undo would not fit an embedded database's memory), then set-based statements put every new
 * contact on two lists and give every tenth an opportunity.
 *
 * <p>Not for production data: run it against a test database, e.g. with
 * {@code --leadcrm.generate-contacts=1000000}. The existing users own the new contacts in
 * equal shares (none, if there are no users yet).
 */
@Component
public class LargeDatasetGenerator {

    /** Fixed, so that a run on a fresh database always adds the same people. */
    static final long SEED = 42L;

    private static final Logger log = LoggerFactory.getLogger(LargeDatasetGenerator.class);
    private static final int PROGRESS_EVERY = 100_000;

    private final DataSource dataSource;
    private final Clock clock;

    LargeDatasetGenerator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds {@code contacts} contacts, puts each on two new "Scale list" lists and gives every
     * tenth an opportunity. Commits as it goes: a failure leaves what was committed until then.
     */
    public GeneratedData generate(int contacts) {
        if (contacts <= 0) {
            throw new IllegalArgumentException("The number of contacts to generate must be positive, not " + contacts);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return generate(connection, contacts);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Generating " + contacts + " contacts", null, e);
        }
    }

    private GeneratedData generate(Connection connection, int count) throws SQLException {
        long start = System.nanoTime();
        Instant now = clock.instant();
        long before = queryLong(connection, "select coalesce(max(id), 0) from contact");
        ContactPools pools = ContactPools.build(SEED);
        log.info("Generating {} contacts", format(count));

        List<Long> owners = queryLongs(connection, "select id from app_user order by id");
        // numbering from the highest id keeps e-mails unique across runs: ids only grow
        new GeneratedContacts(pools, owners, now).insert(connection, before + 1, count, done -> {
            if (done % PROGRESS_EVERY == 0 || done == count) {
                log.info("Generated {} of {} contacts ({})", format(done), format(count), seconds(start));
            }
        });
        IdRange added = new IdRange(queryLong(connection, "select min(id) from contact where id > " + before),
                queryLong(connection, "select max(id) from contact"));

        long members = new ScaleLists(connection, now, adminUsername(connection)).fill(added);
        log.info("Added {} list memberships in {} lists ({})", format(members), ScaleLists.COUNT, seconds(start));
        ScaleOpportunities.Added opportunities = new ScaleOpportunities(connection, LocalDate.now(clock)).add(added);
        log.info("Added {} opportunities with {} contact links ({})", format(opportunities.opportunities()),
                format(opportunities.links()), seconds(start));
        analyzeIfPostgres(connection);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Generated {} contacts in {}", format(count), seconds(start));
        return new GeneratedData(count, ScaleLists.COUNT, members, opportunities.opportunities(), opportunities.links(),
                took);
    }

    private static String adminUsername(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select username from app_user where role = 'ADMIN' order by id limit 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : "admin";
        }
    }

    /** PostgreSQL plans the grid's queries from statistics, which autovacuum would update only later. */
    private static void analyzeIfPostgres(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze contact, list_member, opportunity, opportunity_contact");
            }
            connection.commit();
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> queryLongs(Connection connection, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
