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
 * Adds many contacts quickly, for scale tests and benchmarks: a million in a minute or two
 * (docs/decisions/005). Set-based statements on one connection, the database computing every row
 * from its number ({@link GeneratedContacts}), a slice of 100,000 at a time and committing as it
 * goes (not one transaction: a million rows of undo would not fit an embedded database's memory);
 * then every new contact goes on two lists and every tenth gets an opportunity. The secondary
 * indexes of the filled tables are dropped for the load and created again after it, exactly as
 * they were ({@link DeferredIndexes}), so it is meant for a database that nothing else uses
 * meanwhile: at start, before the web server takes requests ({@link DemoDataStartup}).
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
    /** The tables a run fills, whose secondary indexes are built after the load instead of during it. */
    private static final List<String> LOADED_TABLES = List.of("contact", "list_member", "opportunity",
            "opportunity_contact");

    private final DataSource dataSource;
    private final Clock clock;
    /** Made once: datafaker takes seconds for them. */
    private ContactPools pools;

    LargeDatasetGenerator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds {@code contacts} contacts, puts each on two new "Scale list" lists and gives every
     * tenth an opportunity. Commits as it goes: a failure leaves what was committed until then
     * (and the indexes as they were).
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
        SqlDialect dialect = SqlDialect.of(connection);
        // numbering from the highest id keeps e-mails unique across runs: ids only grow
        long before = queryLong(connection, "select coalesce(max(id), 0) from contact");
        IdRange added = new IdRange(before + 1, before + count);
        List<Long> owners = queryLongs(connection, "select id from app_user order by id");
        ContactPools pools = pools();
        log.info("Generating {} contacts", format(count));

        long members;
        ScaleOpportunities.Added opportunities;
        try (VocabularyTables words = VocabularyTables.create(connection, dialect, pools, owners)) {
            DeferredIndexes indexes = DeferredIndexes.drop(connection, dialect, LOADED_TABLES);
            log.info("Dropped {} indexes and unique constraints for the load ({})", indexes.count(), seconds(start));
            try {
                new GeneratedContacts(words, dialect, now).insert(connection, added.first(), added.last(), done ->
                        log.info("Generated {} of {} contacts ({})", format(done), format(count), seconds(start)));
                members = new ScaleLists(connection, dialect, now, adminUsername(connection)).fill(added);
                log.info("Added {} list memberships in {} lists ({})", format(members), ScaleLists.COUNT,
                        seconds(start));
                opportunities = new ScaleOpportunities(connection, dialect, LocalDate.now(clock)).add(added);
                log.info("Added {} opportunities with {} contact links ({})", format(opportunities.opportunities()),
                        format(opportunities.links()), seconds(start));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                indexes.recreateAfter(e);
                throw e;
            }
            indexes.recreate();
            log.info("Created them again ({})", seconds(start));
        }
        restartIdentity(connection, "contact");
        analyze(connection, dialect);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Generated {} contacts in {}", format(count), seconds(start));
        return new GeneratedData(count, ScaleLists.COUNT, members, opportunities.opportunities(), opportunities.links(),
                took);
    }

    private synchronized ContactPools pools() {
        if (pools == null) {
            pools = ContactPools.build(SEED);
        }
        return pools;
    }

    /** New contacts get the ids after the generated ones. */
    private static void restartIdentity(Connection connection, String table) throws SQLException {
        long next = queryLong(connection, "select coalesce(max(id), 0) + 1 from " + table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + table + " alter column id restart with " + next);
        }
        connection.commit();
    }

    private static String adminUsername(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select username from app_user where role = 'ADMIN' order by id limit 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : "admin";
        }
    }

    /** Both databases plan the grid's queries from statistics, which they would update only later. */
    private static void analyze(Connection connection, SqlDialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect == SqlDialect.POSTGRES
                    ? "analyze contact, list_member, opportunity, opportunity_contact"
                    : "analyze");
        }
        connection.commit();
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
