package org.leadcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.leadcrm.testsupport.TestDatabaseInitializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generator of the README's "a million contacts", at a size the suite can afford: what it
 * adds, that the people look like a real customer base, and that it leaves the schema exactly as
 * the migrations made it although it drops indexes for the load.
 */
class LargeDatasetGeneratorTest extends IntegrationTest {

    private static final int COUNT = 2_000;

    private final LargeDatasetGenerator generator;
    private final JdbcTemplate jdbc;

    LargeDatasetGeneratorTest(TestData data, LargeDatasetGenerator generator) {
        super(data);
        this.generator = generator;
        this.jdbc = data.jdbc();
    }

    @Test
    void indexes_and_constraints_are_exactly_as_the_migrations_made_them_after_a_run() {
        data.user(Role.SALESPERSON);
        List<String> before = schema();

        generator.generate(COUNT);

        assertThat(schema()).containsExactlyElementsOf(before);
        // and they work: the unique e-mail key refuses a copy
        assertThat(count("select count(*) from contact")).isEqualTo(COUNT);
        String email = jdbc.queryForObject("select email_key from contact order by id limit 1", String.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> data.contact().email(email).create())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void every_contact_is_on_two_lists_and_one_in_ten_has_an_opportunity() {
        data.user(Role.SALESPERSON);

        GeneratedData generated = generator.generate(COUNT);

        assertThat(generated.contacts()).isEqualTo(COUNT);
        assertThat(generated.lists()).isEqualTo(4);
        assertThat(generated.listMembers()).isEqualTo(2L * COUNT);
        assertThat(count("select count(*) from list_member")).isEqualTo(2L * COUNT);
        assertThat(count("""
                select count(*) from contact c
                where (select count(*) from list_member m where m.contact_id = c.id) <> 2
                """)).as("contacts not on exactly two lists").isZero();
        assertThat(jdbc.queryForList("select name from contact_list order by name", String.class))
                .containsExactly("Scale list A", "Scale list B", "Scale list C", "Scale list D");
        assertThat(generated.opportunities()).isEqualTo(COUNT / 10);
        assertThat(count("select count(*) from opportunity")).isEqualTo(COUNT / 10);
        assertThat(count("select count(*) from opportunity_contact")).isEqualTo(generated.opportunityLinks());
        assertThat(count("""
                select count(*) from opportunity o
                where (select count(*) from opportunity_contact l where l.opportunity_id = o.id) not in (1, 2)
                """)).as("opportunities without one or two leads").isZero();
    }

    @Test
    void the_people_look_like_a_real_customer_base() {
        List<Long> owners = List.of(data.user(Role.SALES_MANAGER).id(), data.user(Role.SALESPERSON).id(),
                data.user(Role.JR_SALESPERSON).id());
        Instant before = Instant.now();

        generator.generate(COUNT);

        Map<String, Long> statuses = groupCount("select status, count(*) from contact group by status");
        assertThat(share(statuses, "LEAD")).isCloseTo(0.55, within(0.04));
        assertThat(share(statuses, "CONTACTED")).isCloseTo(0.17, within(0.03));
        assertThat(share(statuses, "QUALIFIED")).isCloseTo(0.12, within(0.03));
        assertThat(share(statuses, "CUSTOMER")).isCloseTo(0.09, within(0.03));
        assertThat(share(statuses, "UNQUALIFIED")).isCloseTo(0.07, within(0.03));

        Map<String, Long> crms = groupCount("select crm_system, count(*) from contact group by crm_system");
        assertThat(share(crms, "SALESFORCE") + share(crms, "SUGARCRM")).as("synced").isCloseTo(0.05, within(0.02));
        assertThat(jdbc.queryForList("select external_id from contact where crm_system = 'SALESFORCE'", String.class))
                .isNotEmpty().allMatch(id -> id.matches("003[0-9A-Za-z]{2}00000[0-9A-Za-z]{8}"));
        assertThat(jdbc.queryForList("select external_id from contact where crm_system = 'SUGARCRM'", String.class))
                .isNotEmpty().allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(count("select count(*) from contact where crm_system = 'NONE' and external_id is not null")).isZero();

        Map<String, Long> byOwner = groupCount("select cast(owner_id as varchar(20)), count(*) from contact group by owner_id");
        assertThat(byOwner.keySet()).containsExactlyInAnyOrderElementsOf(owners.stream().map(String::valueOf).toList());
        byOwner.values().forEach(n -> assertThat(n).isBetween(COUNT / 3L - 100, COUNT / 3L + 100));

        assertThat(count("select count(distinct country) from contact")).isGreaterThanOrEqualTo(8);
        assertThat(count("select count(distinct company) from contact")).isGreaterThan(200);
        assertThat(count("select count(distinct last_name) from contact")).isGreaterThan(300);
        assertThat(count("select count(distinct email_key) from contact")).isEqualTo(COUNT);
        assertThat(count("select count(*) from contact where email_key <> lower(email)")).isZero();
        assertThat(jdbc.queryForList("select email || ' ' || id from contact", String.class))
                .allMatch(line -> line.matches("[a-z0-9]+\\.[a-z0-9]+\\.(\\d+)@[a-z0-9.]+ \\1"));
        assertThat(count("select count(*) from contact where lead_score < 0 or lead_score > 100")).isZero();

        Timestamp oldest = jdbc.queryForObject("select min(created_at) from contact", Timestamp.class);
        Timestamp newest = jdbc.queryForObject("select max(updated_at) from contact", Timestamp.class);
        assertThat(oldest.toInstant()).isAfter(before.minus(Duration.ofDays(731)));
        assertThat(newest.toInstant()).isBefore(Instant.now().plusSeconds(1));
        assertThat(count("select count(*) from contact where updated_at < created_at")).isZero();
    }

    @Test
    void a_second_run_adds_other_people_on_new_lists_and_the_application_goes_on_numbering_after_them() {
        data.user(Role.SALESPERSON);
        generator.generate(COUNT);

        generator.generate(COUNT);

        assertThat(count("select count(*) from contact")).isEqualTo(2L * COUNT);
        assertThat(count("select count(distinct email_key) from contact")).isEqualTo(2L * COUNT);
        assertThat(jdbc.queryForList("select name from contact_list order by name", String.class)).containsExactly(
                "Scale list A", "Scale list A (2)", "Scale list B", "Scale list B (2)",
                "Scale list C", "Scale list C (2)", "Scale list D", "Scale list D (2)");
        long highest = count("select max(id) from contact");
        assertThat(data.contact().create()).isGreaterThan(highest);
        assertThat(data.opportunity("After the runs")).isGreaterThan(count("select max(id) from opportunity where name <> 'After the runs'"));
    }

    /**
     * Every index with its columns, order and kind, and every constraint with its definition, as
     * the database describes them.
     */
    private List<String> schema() {
        if (TestDatabaseInitializer.database() == TestDatabaseInitializer.Database.POSTGRES) {
            return jdbc.queryForList("""
                    select tablename || ' ' || indexname || ' ' || indexdef from pg_indexes
                    where schemaname = current_schema()
                    union all
                    select conrelid::regclass::text || ' ' || conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
                        || ' ' || coalesce(conindid::regclass::text, '')
                    from pg_constraint where connamespace = current_schema()::regnamespace
                    order by 1
                    """, String.class);
        }
        return jdbc.queryForList("""
                select i.table_name || ' ' || i.index_name || ' ' || i.index_type_name || ' '
                    || listagg(c.column_name || ' ' || c.ordering_specification || ' ' || coalesce(c.null_ordering, '-'), ', ')
                       within group (order by c.ordinal_position)
                from information_schema.indexes i
                join information_schema.index_columns c on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = current_schema
                group by i.table_name, i.index_name, i.index_type_name
                union all
                select k.table_name || ' ' || k.constraint_name || ' ' || k.constraint_type || ' ' || coalesce(k.index_name, '-')
                from information_schema.table_constraints k
                where k.table_schema = current_schema
                order by 1
                """, String.class);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private Map<String, Long> groupCount(String sql) {
        return jdbc.query(sql, (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static double share(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L) / (double) COUNT;
    }
}
