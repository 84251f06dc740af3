package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * Inserts generated contacts set-based: one {@code INSERT … SELECT} per slice of numbers, the
 * database computing every column from the contact's number. A contact is a function of its
 * number alone, so a run is reproducible and the same on both databases.
 *
 * <p>From the number {@code n} come six pseudo-random numbers {@code r1}…{@code r6}, each
 * {@code (n² · a + n · b) mod p} for a large prime {@code p} (a quadratic Weyl sequence: evenly
 * spread, with no visible pattern from one contact to the next, and plain integer arithmetic
 * that H2 and PostgreSQL compute alike). Their remainders pick words from {@link VocabularyTables}
 * and the shares of statuses, sync and dates:
 *
 * <ul>
 * <li>{@code r1}: first and last name; {@code r2}: company (and with it the country), title and
 *     city; {@code r3}: status, sync, lead score and owner; {@code r4}: created (within two
 *     years); {@code r5}: phone; {@code r6}: last changed, and the external id of a synced one.
 * <li>status: 55% Lead, 17% Contacted, 12% Qualified, 9% Customer, 7% Unqualified; scores rise
 *     along the funnel;
 * <li>5% synced: 3% from Salesforce, 2% from SugarCRM, each with a record id in that CRM's
 *     format that contains the contact's number, so that no two are alike.
 * </ul>
 */
final class GeneratedContacts {

    static final int SLICE = 100_000;

    /** n² must stay within a bigint on both databases. */
    static final long MAX_NUMBER = 3_000_000_000L;

    private static final long TWO_YEARS = Duration.ofDays(730).toSeconds();
    private static final long[][] WEYL = {
            // p (prime), a, b
            {999_999_937L, 387_420_489L, 123_456_791L},
            {999_999_929L, 282_475_249L, 987_654_319L},
            {999_999_893L, 244_140_625L, 555_555_557L},
            {999_999_883L, 134_217_728L, 777_777_781L},
            {999_999_797L, 170_859_375L, 314_159_269L},
            {999_999_761L, 205_962_976L, 271_828_183L},
    };
    private static final String HEX = "0123456789abcdef";
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final VocabularyTables words;
    private final SqlDialect dialect;
    private final Instant now;

    GeneratedContacts(VocabularyTables words, SqlDialect dialect, Instant now) {
        this.words = words;
        this.dialect = dialect;
        this.now = now;
    }

    /**
     * Inserts the contacts numbered {@code first..last}, with those numbers as their ids,
     * committing each slice. The numbers go into the e-mail addresses, so they must not repeat
     * between runs.
     *
     * @param progress told the number of contacts inserted so far after each slice
     */
    void insert(Connection connection, long first, long last, LongConsumer progress) throws SQLException {
        if (last > MAX_NUMBER) {
            throw new IllegalArgumentException("Contact numbers above " + MAX_NUMBER + " are not supported: " + last);
        }
        try (Statement statement = connection.createStatement()) {
            for (long from = first; from <= last; from += SLICE) {
                long to = Math.min(last, from + SLICE - 1);
                statement.executeUpdate(sql(from, to));
                connection.commit();
                progress.accept(to - first + 1);
            }
        }
    }

    /** The INSERT for the contacts numbered {@code from..to}. */
    String sql(long from, long to) {
        return """
                insert into contact (id, first_name, last_name, email, email_key, phone, company, title, city, country,
                    status, lead_score, owner_id, crm_system, external_id, created_at, updated_at)
                %sselect r.n, f.name, l.name,
                    f.slug || '.' || l.slug || '.' || r.n || '@' || c.domain,
                    f.slug || '.' || l.slug || '.' || r.n || '@' || c.domain,
                    c.calling_code || ' ' || (100 + mod(r.r5, 900)) || ' ' || (1000000 + mod(r.r5 / 900, 9000000)),
                    c.name, t.title, ci.name, c.country,
                    case when mod(r.r3, 100) < 55 then 'LEAD' when mod(r.r3, 100) < 72 then 'CONTACTED'
                        when mod(r.r3, 100) < 84 then 'QUALIFIED' when mod(r.r3, 100) < 93 then 'CUSTOMER'
                        else 'UNQUALIFIED' end,
                    case when mod(r.r3, 100) < 55 then mod(r.r3 / 10000, 101) * 90 / 100
                        when mod(r.r3, 100) < 72 then 10 + mod(r.r3 / 10000, 101) * 75 / 100
                        when mod(r.r3, 100) < 84 then 40 + mod(r.r3 / 10000, 101) * 60 / 100
                        when mod(r.r3, 100) < 93 then 50 + mod(r.r3 / 10000, 101) / 2
                        else mod(r.r3 / 10000, 101) * 35 / 100 end,
                    o.id,
                    case when mod(r.r3 / 100, 100) < 3 then 'SALESFORCE'
                        when mod(r.r3 / 100, 100) < 5 then 'SUGARCRM' else 'NONE' end,
                    case when mod(r.r3 / 100, 100) < 3 then %s
                        when mod(r.r3 / 100, 100) < 5 then %s end,
                    %s,
                    %s
                from (select n, %s, %s, %s, %s, %s, %s from %s) r
                join %s f on f.i = mod(r.r1, %d)
                join %s l on l.i = mod(r.r1 / 1024, %d)
                join %s c on c.i = mod(r.r2, %d)
                join %s t on t.i = mod(r.r2 / 1024, %d)
                join %s ci on ci.market = c.market and ci.i = mod(r.r2 / 1048576, c.city_count)
                left join %s o on o.i = mod(r.r3 / 1010000, %d)
                """.formatted(
                dialect.direct(), salesforceId(), sugarCrmId(),
                dialect.secondsBefore(now, "r.age"),
                dialect.secondsBefore(now, "r.age - mod(r.r6, r.age + 1)"),
                random(1) + " as r1", random(2) + " as r2", random(3) + " as r3",
                "mod(" + random(4) + ", " + TWO_YEARS + ") as age", random(5) + " as r5", random(6) + " as r6",
                dialect.numbers(from, to),
                VocabularyTables.FIRST_NAMES, words.firstNames,
                VocabularyTables.LAST_NAMES, words.lastNames,
                VocabularyTables.COMPANIES, words.companies,
                VocabularyTables.TITLES, words.titles,
                VocabularyTables.CITIES,
                VocabularyTables.OWNERS, Math.max(1, words.owners));
    }

    /** The k-th pseudo-random number of {@code n}, from 0 to about a billion. */
    private static String random(int k) {
        long[] weyl = WEYL[k - 1];
        // bigint throughout: H2 gives mod() the type of its divisor
        return "mod(mod(n * n, cast(%d as bigint)) * %d + n * %d, cast(%d as bigint))"
                .formatted(weyl[0], weyl[1], weyl[2], weyl[0]);
    }

    /** An 18-character Salesforce contact id like 0035g00000AbCdEfGh: key prefix 003, a run of zeros, the number last. */
    private static String salesforceId() {
        return "'003' || " + digits("r.r6", 2, ALPHANUMERIC) + " || '00000' || "
                + digits("(r.r6 / 3844)", 3, ALPHANUMERIC) + " || " + digits("r.n", 5, ALPHANUMERIC);
    }

    /** A SugarCRM record id: a version 4 UUID, the number in hex as its last group. */
    private static String sugarCrmId() {
        return digits("r.r6", 8, HEX) + " || '-' || " + digits("r.r5", 4, HEX)
                + " || '-4' || " + digits("(r.r5 / 65536)", 3, HEX)
                + " || '-' || substring('89ab', cast(mod(r.r1, 4) as integer) + 1, 1) || "
                + digits("(r.r1 / 4)", 3, HEX) + " || '-' || " + digits("r.n", 12, HEX);
    }

    /** The last {@code count} digits of {@code value} (an SQL expression ≥ 0) in the base of {@code alphabet}. */
    static String digits(String value, int count, String alphabet) {
        StringBuilder sql = new StringBuilder();
        long weight = 1;
        String[] parts = new String[count];
        for (int i = count - 1; i >= 0; i--) {
            parts[i] = "substring('" + alphabet + "', cast(mod(" + value + " / " + weight + ", " + alphabet.length()
                    + ") as integer) + 1, 1)";
            weight *= alphabet.length();
        }
        sql.append(String.join(" || ", parts));
        return sql.toString();
    }
}
