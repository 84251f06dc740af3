package org.leadcrm.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * N generated contacts, written set-based ({@code INSERT … SELECT} over {@code system_range} on
 * H2 and {@code generate_series} on PostgreSQL, the only vendor-specific part), with ids 1..N so
 * that every other table can be derived from them by arithmetic:
 *
 * <ul>
 * <li>status: 50% LEAD, 20% CONTACTED, 10% each QUALIFIED, CUSTOMER (exactly N/10), UNQUALIFIED;
 * <li>5% synced: ids whose hundreds block {@code (n/100) mod 100} is below 5, half Salesforce,
 *     half SugarCRM, with an external id;
 * <li>lists: "Everyone" (all N), "Every tenth" ({@code n mod 10 = 3}, N/10), "Every hundredth"
 *     ({@code n mod 100 = 3}, N/100), ten "Region k" lists ({@code (n/1000) mod 10 = k}), so a contact
 *     is on 2.11 lists on average; an empty manual list "Bulk target" for Bulk Edit;
 * <li>exclusions: "Bulk target" excludes {@code n mod 500 = 5}, "Every tenth" excludes
 *     {@code n mod 1000 = 4};
 * <li>opportunities: 10% of the contacts have one. For each k, contacts 20k+1 and 20k+3: the first
 *     has an opportunity, which the second shares when k is even and otherwise has one of its own;
 *     so "Every tenth" holds contacts whose opportunity dies with them and contacts whose shared
 *     opportunity survives.
 * </ul>
 */
final class BenchDataset {

    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final int CHUNK = 100_000;

    final int size;
    long everyone;
    long everyTenth;
    long everyHundredth;
    long bulkTarget;

    private final BenchApp app;
    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcTemplate plain;

    private BenchDataset(BenchApp app, int size) {
        this.app = app;
        this.size = size;
        this.jdbc = app.jdbc();
        this.plain = app.plainJdbc();
    }

    /** The filter Bulk Edit uses for N/10 matching contacts. */
    static ContactFilter tenthFilter() {
        return ContactFilter.ALL.withStatus(ContactStatus.CUSTOMER);
    }

    /** A search every contact matches: each e-mail address starts with "contact.". */
    static ContactFilter everyoneSearch() {
        return ContactFilter.ALL.withSearch("contact");
    }

    static BenchDataset generate(BenchApp app, int size) {
        if (size % 1000 != 0) {
            throw new IllegalArgumentException("the dataset size must be a multiple of 1000: " + size);
        }
        BenchDataset data = new BenchDataset(app, size);
        data.generate();
        return data;
    }

    private void generate() {
        long started = System.nanoTime();
        List<Long> owners = users();
        String ownerCase = ownerCase(owners);
        // Loading into unindexed tables and indexing afterwards is several times faster than
        // maintaining a dozen indexes row by row; the indexes are the schema's own, re-created as they were.
        List<String> indexes = dropSecondaryIndexes(List.of("contact", "list_member", "list_exclusion",
                "opportunity_contact"));
        for (long from = 1; from <= size; from += CHUNK) {
            long to = Math.min(size, from + CHUNK - 1);
            plain.update("""
                    insert into contact (id, first_name, last_name, email, email_key, phone, company, title, city, country,
                        status, lead_score, owner_id, crm_system, external_id, created_at, updated_at, version)
                    select n,
                           'First' || mod(n * 7919, 2003),
                           'Last' || mod(n * 104729, 5003),
                           'Contact.' || n || '@Example' || mod(n, 97) || '.com',
                           'contact.' || n || '@example' || mod(n, 97) || '.com',
                           '+1 555 ' || n,
                           'Company ' || mod(n * 31, 20011),
                           'Buyer',
                           'City ' || mod(n * 17, 509),
                           'Country ' || mod(n, 53),
                           case when mod(n, 10) < 5 then 'LEAD' when mod(n, 10) < 7 then 'CONTACTED'
                                when mod(n, 10) = 7 then 'QUALIFIED' when mod(n, 10) = 8 then 'CUSTOMER'
                                else 'UNQUALIFIED' end,
                           mod(n * 37, 101),
                           %s,
                           case when mod(n / 100, 100) >= 5 then 'NONE' when mod(n, 2) = 0 then 'SALESFORCE' else 'SUGARCRM' end,
                           case when mod(n / 100, 100) >= 5 then null else 'EXT-' || n end,
                           %s, %s, 0
                    from %s
                    """.formatted(ownerCase, timestamp("n"), timestamp("n"), range(from, to)));
            log("contacts " + to, started);
        }
        everyone = list("Everyone", "1 = 1");
        everyTenth = list("Every tenth", "mod(c.id, 10) = 3");
        everyHundredth = list("Every hundredth", "mod(c.id, 100) = 3");
        for (int k = 0; k < 10; k++) {
            list("Region " + k, "mod(c.id / 1000, 10) = " + k);
        }
        log("lists", started);
        bulkTarget = list("Bulk target", "1 = 0");
        exclude(bulkTarget, "mod(c.id, 500) = 5");
        exclude(everyTenth, "mod(c.id, 1000) = 4");

        long pairs = size / 20;
        long solos = size / 40;
        plain.update("""
                insert into opportunity (id, name, amount, stage, close_date, owner_id, version)
                select n, 'Deal ' || n, 1000 + mod(n * 13, 9000), 'PROSPECTING', date '2026-01-01', %s, 0
                from %s
                """.formatted(ownerCase, range(1, pairs + solos)));
        plain.update("insert into opportunity_contact (opportunity_id, contact_id) select n, 20 * (n - 1) + 1 from "
                + range(1, pairs));
        plain.update("insert into opportunity_contact (opportunity_id, contact_id) select n, 20 * (n - 1) + 3 from "
                + range(1, pairs) + " where mod(n, 2) = 1");
        plain.update("insert into opportunity_contact (opportunity_id, contact_id) select " + pairs
                + " + n, 20 * (2 * n - 1) + 3 from " + range(1, solos));
        log("opportunities", started);
        indexes.forEach(plain::execute);
        log("indexes", started);
        restartIdentity("contact");
        restartIdentity("opportunity");
        app.analyze();
        log("analyzed", started);
    }

    private static void log(String what, long started) {
        System.out.printf("  [data] %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Drops the indexes of these tables that back no constraint, and returns the statements that
     * create them again exactly as the migrations did.
     */
    private List<String> dropSecondaryIndexes(List<String> tables) {
        List<String> creates = new ArrayList<>();
        if (app.db() == BenchDb.POSTGRES) {
            for (String table : tables) {
                List<Map<String, Object>> rows = plain.queryForList("""
                        select i.indexname, i.indexdef from pg_indexes i
                        where i.schemaname = current_schema() and i.tablename = ?
                        and not exists (select 1 from pg_constraint k where k.conname = i.indexname)
                        """, table);
                for (Map<String, Object> row : rows) {
                    plain.execute("drop index " + row.get("indexname"));
                    creates.add((String) row.get("indexdef"));
                }
            }
        } else {
            // SCRIPT lists each index as CREATE INDEX "PUBLIC"."NAME" ON "PUBLIC"."TABLE"(...)
            for (String statement : plain.queryForList("script nodata", String.class)) {
                String upper = statement.toUpperCase(Locale.ROOT);
                if (!upper.startsWith("CREATE INDEX ")) {
                    continue;
                }
                boolean wanted = tables.stream().anyMatch(table ->
                        upper.contains(" ON \"PUBLIC\".\"" + table.toUpperCase(Locale.ROOT) + "\"("));
                if (!wanted) {
                    continue;
                }
                String name = statement.substring("CREATE INDEX ".length(), statement.indexOf(" ON "));
                try {
                    plain.execute("drop index " + name);
                    creates.add(statement);
                } catch (DataAccessException e) {
                    // an index that a constraint needs stays where it is
                }
            }
        }
        return creates;
    }

    private List<Long> users() {
        UserService users = app.bean(UserService.class);
        return List.of(Role.SALES_MANAGER, Role.SALESPERSON, Role.JR_SALESPERSON, Role.MARKETING_MANAGER)
                .stream()
                .map(role -> users.createUser("owner-" + role.name().toLowerCase(Locale.ROOT), "Owner " + role.displayName(),
                        "bench-password-" + System.nanoTime(), role).id())
                .toList();
    }

    private static String ownerCase(List<Long> owners) {
        StringBuilder sql = new StringBuilder("case mod(n, " + owners.size() + ")");
        for (int i = 0; i < owners.size(); i++) {
            sql.append(" when ").append(i).append(" then ").append(owners.get(i));
        }
        return sql.append(" end").toString();
    }

    private String range(long from, long to) {
        return app.db() == BenchDb.POSTGRES
                ? "generate_series(" + from + "::bigint, " + to + "::bigint) as g(n)"
                : "(select x as n from system_range(" + from + ", " + to + ")) g";
    }

    private String timestamp(String seconds) {
        return app.db() == BenchDb.POSTGRES
                ? "timestamptz '2023-01-01 00:00:00+00' + " + seconds + " * interval '1 second'"
                : "dateadd(second, " + seconds + ", timestamp with time zone '2023-01-01 00:00:00+00')";
    }

    private long list(String name, String memberCondition) {
        long id = createList(app, name);
        jdbc.update("insert into list_member (list_id, contact_id, source, added_at) select :list, c.id, 'MANUAL', :now"
                + " from contact c where " + memberCondition, new MapSqlParameterSource("list", id)
                .addValue("now", Timestamp.from(NOW)));
        return id;
    }

    /** A manual list straight in the table, as {@code TestData} makes them. */
    static long createList(BenchApp app, String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        app.jdbc().update("""
                insert into contact_list (name, name_key, manual, created_by, created_at)
                values (:name, :key, true, 'bench', :now)
                """, new MapSqlParameterSource("name", name).addValue("key", name.toLowerCase(Locale.ROOT))
                .addValue("now", Timestamp.from(NOW)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    private void exclude(long list, String condition) {
        jdbc.update("insert into list_exclusion (list_id, contact_id, created_at) select :list, c.id, :now"
                + " from contact c where " + condition + " and not exists (select 1 from list_member m"
                + " where m.list_id = :list and m.contact_id = c.id)", new MapSqlParameterSource("list", list)
                .addValue("now", Timestamp.from(NOW)));
    }

    private void restartIdentity(String table) {
        Long max = plain.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        if (app.db() == BenchDb.POSTGRES) {
            plain.queryForObject("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + (max + 1) + ", false)",
                    Long.class);
        } else {
            plain.update("alter table " + table + " alter column id restart with " + (max + 1));
        }
    }

    long count(String sql) {
        Long value = plain.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    long members(long listId) {
        return count("select count(*) from list_member where list_id = " + listId);
    }

    long memberVersion(long listId) {
        return count("select member_version from contact_list where id = " + listId);
    }
}
