package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import org.leadcrm.contact.ContactStatus;

/**
 * Inserts generated contacts with plain JDBC batches. Each contact is a function of its
 * number alone (hashed, then used as indexes into {@link ContactPools}), so a run is
 * reproducible and needs no memory beyond one batch.
 */
final class GeneratedContacts {

    static final int BATCH_SIZE = 5_000;

    private static final long TWO_YEARS = Duration.ofDays(730).toSeconds();
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String INSERT = """
            insert into contact (first_name, last_name, email, email_key, phone, company, title, city, country,
                status, lead_score, owner_id, crm_system, external_id, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final ContactPools pools;
    private final List<Long> ownerIds;
    private final long nowSeconds;

    GeneratedContacts(ContactPools pools, List<Long> ownerIds, Instant now) {
        this.pools = pools;
        this.ownerIds = ownerIds;
        this.nowSeconds = now.getEpochSecond();
    }

    /**
     * Inserts {@code count} contacts numbered from {@code firstNumber}, committing each batch.
     * The numbers go into the e-mail addresses, so they must not repeat between runs.
     */
    void insert(Connection connection, long firstNumber, int count, IntConsumer progress) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < count; i++) {
                bind(statement, firstNumber + i);
                statement.addBatch();
                if ((i + 1) % BATCH_SIZE == 0 || i + 1 == count) {
                    statement.executeBatch();
                    connection.commit();
                    progress.accept(i + 1);
                }
            }
        }
    }

    private void bind(PreparedStatement statement, long number) throws SQLException {
        long h1 = mix(number * GOLDEN_GAMMA);
        long h2 = mix(h1);
        long h3 = mix(h2);
        long h4 = mix(h3);
        ContactPools.Name first = pools.firstNames.get(index(h1, pools.firstNames.size()));
        ContactPools.Name last = pools.lastNames.get(index(h1 >>> 32, pools.lastNames.size()));
        ContactPools.Company company = pools.companies.get(index(h2, pools.companies.size()));
        Market market = company.market();
        String email = first.slug() + "." + last.slug() + "." + number + "@" + company.domain();
        ContactStatus status = status(index(h3, 100));
        int synced = index(h3 >>> 8, 100);
        long created = nowSeconds - (h4 >>> 1) % TWO_YEARS;
        long updated = created + (h3 >>> 1) % (nowSeconds - created + 1);

        statement.setString(1, first.text());
        statement.setString(2, last.text());
        statement.setString(3, email);
        statement.setString(4, email);
        statement.setString(5, market.callingCode() + " " + (100 + index(h4, 900)) + " "
                + (1_000_000 + index(h4 >>> 20, 9_000_000)));
        statement.setString(6, company.name());
        statement.setString(7, Vocabulary.JOB_TITLES.get(index(h2 >>> 32, Vocabulary.JOB_TITLES.size())));
        statement.setString(8, market.cities().get(index(h4 >>> 40, market.cities().size())));
        statement.setString(9, market.country());
        statement.setString(10, status.name());
        statement.setInt(11, score(status, index(h3 >>> 16, 101)));
        if (ownerIds.isEmpty()) {
            statement.setNull(12, Types.BIGINT);
        } else {
            statement.setLong(12, ownerIds.get(index(h3 >>> 24, ownerIds.size())));
        }
        // 5% synced: 3% from Salesforce, 2% from SugarCRM
        if (synced < 3) {
            statement.setString(13, "SALESFORCE");
            statement.setString(14, ExternalIds.salesforce(h4));
        } else if (synced < 5) {
            statement.setString(13, "SUGARCRM");
            statement.setString(14, ExternalIds.sugarCrm(h4, h1));
        } else {
            statement.setString(13, "NONE");
            statement.setNull(14, Types.VARCHAR);
        }
        statement.setTimestamp(15, new Timestamp(created * 1000));
        statement.setTimestamp(16, new Timestamp(updated * 1000));
    }

    private static ContactStatus status(int percent) {
        if (percent < 55) {
            return ContactStatus.LEAD;
        } else if (percent < 72) {
            return ContactStatus.CONTACTED;
        } else if (percent < 84) {
            return ContactStatus.QUALIFIED;
        }
        return percent < 93 ? ContactStatus.CUSTOMER : ContactStatus.UNQUALIFIED;
    }

    /** Scores rise along the funnel; {@code percent} is 0–100. */
    private static int score(ContactStatus status, int percent) {
        return switch (status) {
            case LEAD -> percent * 90 / 100;
            case CONTACTED -> 10 + percent * 75 / 100;
            case QUALIFIED -> 40 + percent * 60 / 100;
            case CUSTOMER -> 50 + percent / 2;
            case UNQUALIFIED -> percent * 35 / 100;
        };
    }

    private static int index(long hash, int size) {
        return (int) Long.remainderUnsigned(hash, size);
    }

    /** The SplitMix64 finaliser: consecutive numbers give unrelated bits. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
