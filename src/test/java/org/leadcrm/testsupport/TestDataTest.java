package org.leadcrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;

/** The test infrastructure itself: the database chosen, and the wiping that isolates tests. */
class TestDataTest extends IntegrationTest {

    TestDataTest(TestData data) {
        super(data);
    }

    @Test
    void runs_on_the_database_the_build_asked_for() {
        String product = data.jdbc().execute((Connection connection) -> connection.getMetaData().getDatabaseProductName());

        String expected = TestDatabaseInitializer.database() == TestDatabaseInitializer.Database.POSTGRES ? "PostgreSQL" : "H2";
        assertThat(product).isEqualTo(expected);
    }

    @Test
    void wiping_empties_every_table_but_the_migration_history_and_the_lock_rows() {
        long owner = data.user(Role.ADMIN).id();
        long contact = data.contact().owner(owner).create();
        long list = data.manualList("List");
        data.addMembers(list, contact);
        data.exclude(data.manualList("Other"), contact);
        data.opportunity("Deal", contact);
        data.jdbc().update("insert into audit_entry (occurred_at, username, operation) values (current_timestamp, 'x', 'DELETE_LIST')");

        data.wipe();

        List<String> tables = data.jdbc().queryForList("""
                select table_name from information_schema.tables
                where lower(table_schema) = lower(current_schema()) and table_type in ('BASE TABLE', 'TABLE')
                and lower(table_name) not like 'flyway%'
                """, String.class);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(9);
        for (String table : tables) {
            if (table.equalsIgnoreCase("bulk_work_lock")) {
                assertThat(data.count(table)).as("the lock row stays").isEqualTo(1);
            } else {
                assertThat(data.count(table)).as(table).isZero();
            }
        }
        // Flyway creates its table with a quoted lower-case name on both databases
        assertThat(data.count("\"flyway_schema_history\"")).isPositive();
    }
}
