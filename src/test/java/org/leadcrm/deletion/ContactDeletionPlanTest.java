package org.leadcrm.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.StatementFaults;
import org.leadcrm.testsupport.TestData;
import org.leadcrm.testsupport.TestDatabaseInitializer;
import org.leadcrm.testsupport.TestDatabaseInitializer.Database;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The preview of a permanent delete (the confirmation's counts) stays quick on a large database:
 * a fixed number of statements whatever the list's size, each answered from indexes rather than
 * by reading every opportunity or contact (checked with the database's own EXPLAIN).
 */
class ContactDeletionPlanTest extends IntegrationTest {

    private static final int CONTACTS = 20_000;

    private final ContactDeletion deletion;
    private final NamedParameterJdbcTemplate jdbc;

    ContactDeletionPlanTest(TestData data, ContactDeletion deletion, NamedParameterJdbcTemplate jdbc) {
        super(data);
        this.deletion = deletion;
        this.jdbc = jdbc;
    }

    @Test
    void the_preview_of_a_list_runs_the_same_few_statements_for_ten_members_or_a_thousand() {
        List<Long> contacts = data.contacts(1_000);
        long small = data.manualList("Small");
        long large = data.manualList("Large");
        data.addMembers(small, contacts.subList(0, 10));
        data.addMembers(large, contacts);
        signIn(Role.ADMIN);

        int forTen = StatementFaults.countStatements(() -> deletion.preview(ContactSelection.membersOf(small)));
        int forAThousand = StatementFaults.countStatements(() -> deletion.preview(ContactSelection.membersOf(large)));

        assertThat(forTen).isEqualTo(forAThousand).isLessThanOrEqualTo(3);
    }

    @Test
    void the_preview_counts_a_lists_members_from_its_memberships_alone() {
        List<Long> contacts = data.contacts(1_000);
        long list = data.manualList("Some");
        data.addMembers(list, contacts.subList(0, 100));
        jdbc.getJdbcTemplate().execute("analyze");

        ContactDeletion.PreviewQueries queries = ContactDeletion.previewQueries(ContactSelection.membersOf(list));
        // (H2 quotes names in one part of its plan and not in another)
        String plan = String.join("\n", jdbc.queryForList("explain " + queries.selected(), queries.params(), String.class))
                .toLowerCase(Locale.ROOT).replace("\"", "");

        System.out.println("[preview plan] " + plan.replace('\n', ' '));
        // Looking up every member's contact row as well cost H2 seconds at 90,000 members of a
        // million contacts, for a number the memberships already give.
        assertThat(plan).contains("list_member").doesNotContainPattern("\\bcontact c\\b");
    }

    @Test
    void the_preview_counts_opportunities_looking_up_only_members_with_an_opportunity_link() {
        // A list that is a small part of the contacts, so that reading them all would show in the plan.
        List<Long> contacts = data.contacts(CONTACTS);
        long list = data.manualList("Some");
        data.addMembers(list, contacts.subList(0, 1_000));
        // One contact in ten with an opportunity, as generated.
        jdbc.getJdbcTemplate().update("""
                insert into opportunity (name, amount, stage)
                select 'Deal ' || id, 0, 'PROSPECTING' from contact where mod(id, 10) = 0
                """);
        jdbc.getJdbcTemplate().update("""
                insert into opportunity_contact (opportunity_id, contact_id)
                select id, cast(substr(name, 6) as bigint) from opportunity
                """);
        jdbc.getJdbcTemplate().execute("analyze");

        ContactDeletion.PreviewQueries queries = ContactDeletion.previewQueries(ContactSelection.membersOf(list));
        String plan = String.join("\n", jdbc.queryForList("explain " + queries.opportunities(), queries.params(),
                String.class)).toLowerCase(Locale.ROOT).replace("\"", "");

        System.out.println("[preview plan] " + plan.replace('\n', ' '));
        // Joining every member to its contact row first cost H2 seconds at 90,000 members of a
        // million contacts, when about 9,000 of them have an opportunity at all.
        if (TestDatabaseInitializer.database() == Database.POSTGRES) {
            assertThat(plan).doesNotContain("seq scan on contact ");
        } else {
            assertThat(plan).contains("from public.opportunity_contact l", "from public.contact c");
            assertThat(plan.indexOf("from public.opportunity_contact l"))
                    .as("the link is checked before the contact is looked up: %s", plan)
                    .isLessThan(plan.indexOf("from public.contact c"));
        }
    }

    @Test
    void the_preview_of_a_list_reads_contacts_and_opportunity_links_through_indexes() {
        List<Long> contacts = data.contacts(CONTACTS);
        long list = data.manualList("Some");
        data.addMembers(list, contacts.subList(0, 20));
        long everyone = data.manualList("Everyone");
        // As in real data: every contact on a large list, one in twenty synced, opportunities
        // with leads (here one each).
        jdbc.getJdbcTemplate().update("""
                insert into list_member (list_id, contact_id, source, added_at)
                select ?, id, 'MANUAL', created_at from contact
                """, everyone);
        jdbc.getJdbcTemplate().update("""
                update contact set crm_system = 'SALESFORCE', external_id = 'SF' || id where mod(id, 20) = 0
                """);
        jdbc.getJdbcTemplate().update("""
                insert into opportunity (name, amount, stage)
                select 'Deal ' || id, 0, 'PROSPECTING' from contact
                """);
        jdbc.getJdbcTemplate().update("""
                insert into opportunity_contact (opportunity_id, contact_id)
                select id, cast(substr(name, 6) as bigint) from opportunity
                """);
        jdbc.getJdbcTemplate().execute("analyze");

        ContactDeletion.PreviewQueries queries = ContactDeletion.previewQueries(ContactSelection.membersOf(list));
        for (String query : List.of(queries.selected(), queries.synced(), queries.opportunities())) {
            String plan = String.join("\n", jdbc.queryForList("explain " + query, queries.params(), String.class))
                    .toLowerCase(Locale.ROOT);
            System.out.println("[preview plan] " + plan.replace('\n', ' '));
            if (TestDatabaseInitializer.database() == Database.POSTGRES) {
                assertThat(plan).as(query).doesNotContain("seq scan on contact ", "seq scan on opportunity_contact",
                        "seq scan on list_member", "seq scan on opportunity ");
            } else {
                assertThat(plan).as(query).doesNotContain("tablescan");
            }
        }
    }
}
