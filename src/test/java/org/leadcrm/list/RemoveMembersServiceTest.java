package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;

/**
 * Removing selected members from a list (PRODUCT.md, "Beyond the seed"): ticked rows or all
 * matching the member search leave the list, optionally excluded too; every contact stays.
 *
 * <pre>
 * list "Webinar": ada, alan, grace (members), eve (excluded); list "Newsletter": ada, olga
 * </pre>
 */
class RemoveMembersServiceTest extends IntegrationTest {

    private final ListMemberService listMembers;
    private final ListService lists;
    private final ListOptionsService options;

    private long webinar;
    private long newsletter;
    private long ada;
    private long alan;
    private long grace;
    private long eve;
    private long olga;

    RemoveMembersServiceTest(TestData data, ListMemberService listMembers, ListService lists, ListOptionsService options) {
        super(data);
        this.listMembers = listMembers;
        this.lists = lists;
        this.options = options;
    }

    @BeforeEach
    void aListWithMembersAndAnExclusion() {
        ada = data.contact("Ada", "Lovelace");
        alan = data.contact("Alan", "Turing");
        grace = data.contact("Grace", "Hopper");
        eve = data.contact("Eve", "Excluded");
        olga = data.contact("Olga", "Outsider");
        webinar = data.manualList("Webinar");
        newsletter = data.manualList("Newsletter");
        data.addMembers(webinar, ada, alan, grace);
        data.exclude(webinar, eve);
        data.addMembers(newsletter, ada, olga);
        data.opportunity("Ada's deal", ada);
        signIn(Role.MARKETING_MANAGER);
    }

    @Test
    void ticked_members_leave_the_list_and_every_contact_stays() {
        long version = data.memberVersion(webinar);

        MembersRemovedResult result = listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada, grace)), false,
                ProgressListener.NONE);

        assertThat(result).isEqualTo(new MembersRemovedResult(2, 0));
        assertThat(data.members(webinar)).containsExactly(alan);
        assertThat(data.exclusions(webinar)).containsExactly(eve);
        assertThat(data.members(newsletter)).containsExactlyInAnyOrder(ada, olga);
        assertThat(data.contactIds()).containsExactlyInAnyOrder(ada, alan, grace, eve, olga);
        assertThat(data.count("opportunity")).isEqualTo(1);
        assertThat(data.memberVersion(webinar)).isGreaterThan(version);
        assertAudit("2 ticked members", 2, 0);
    }

    @Test
    void ticked_members_are_excluded_too_when_asked_and_rows_that_are_no_members_are_ignored() {
        MembersRemovedResult result = listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada, grace, olga)), true,
                ProgressListener.NONE);

        assertThat(result).isEqualTo(new MembersRemovedResult(2, 2));
        assertThat(data.members(webinar)).containsExactly(alan);
        assertThat(data.exclusions(webinar)).containsExactlyInAnyOrder(eve, ada, grace);
        assertThat(data.exclusions(newsletter)).isEmpty();
        assertAudit("3 ticked members", 2, 2);
    }

    @ParameterizedTest(name = "exclude: {0}")
    @ValueSource(booleans = {false, true})
    void all_members_matching_the_member_search_leave_the_list(boolean exclude) {
        // "tur" finds Alan Turing; "lov" would find Ada, who stays
        ContactFilter search = ContactFilter.ALL.withListId(webinar).withSearch("tur");

        MembersRemovedResult result = listMembers.removeMembers(webinar, BulkSelection.matching(search), exclude,
                ProgressListener.NONE);

        assertThat(result).isEqualTo(new MembersRemovedResult(1, exclude ? 1 : 0));
        assertThat(data.members(webinar)).containsExactlyInAnyOrder(ada, grace);
        assertThat(data.exclusions(webinar)).isEqualTo(exclude ? Set.of(eve, alan) : Set.of(eve));
        assertAudit("members matching: search text given", 1, exclude ? 1 : 0);
    }

    @Test
    void all_members_of_a_list_with_no_search_leave_it_and_the_audit_says_so() {
        MembersRemovedResult result = listMembers.removeMembers(webinar,
                BulkSelection.matching(ContactFilter.ALL.withListId(webinar)), false, ProgressListener.NONE);

        assertThat(result).isEqualTo(new MembersRemovedResult(3, 0));
        assertThat(data.members(webinar)).isEmpty();
        assertThat(data.members(newsletter)).containsExactlyInAnyOrder(ada, olga);
        assertAudit("all members", 3, 0);
    }

    @Test
    void on_a_rule_based_list_removed_members_come_back_at_the_next_rebuild_unless_excluded() {
        long everyone = lists.create(ListDraft.ruleBased("Everyone", null, ListRules.NONE, true));
        assertThat(data.members(everyone)).hasSize(5);

        listMembers.removeMembers(everyone, BulkSelection.of(Set.of(ada)), false, ProgressListener.NONE);
        listMembers.removeMembers(everyone, BulkSelection.of(Set.of(alan)), true, ProgressListener.NONE);
        assertThat(data.members(everyone)).containsExactlyInAnyOrder(grace, eve, olga);

        lists.rebuild(everyone);
        assertThat(data.members(everyone)).as("Ada comes back, Alan stays out").containsExactlyInAnyOrder(ada, grace, eve, olga);
        assertThat(data.exclusions(everyone)).containsExactly(alan);
    }

    @Test
    void a_permanent_delete_confirmed_before_members_were_removed_is_refused() {
        signIn(Role.ADMIN);
        ListDeletionPreview shown = options.previewDeletion(webinar);
        listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada)), false, ProgressListener.NONE);

        assertThatThrownBy(() -> options.deleteAllContacts(webinar, 3, shown.memberVersion(), false, ProgressListener.NONE))
                .isInstanceOf(ListChangedException.class);
        assertThat(data.contactIds()).contains(alan, grace);
    }

    @Test
    void a_failure_part_way_changes_nothing() {
        TestData.Snapshot before = data.snapshot();
        List<String> phases = new ArrayList<>();
        ProgressListener failsWhileRemoving = (phase, step, steps) -> {
            phases.add(phase);
            if (phase.equals("Removing the selected members")) {
                throw new IllegalStateException("injected failure");
            }
        };

        assertThatThrownBy(() -> listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada, alan)), true,
                failsWhileRemoving)).hasMessage("injected failure");

        assertThat(phases).as("the exclusions were already added when it failed").contains("Excluding the selected members");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.memberVersion(webinar)).isZero();
    }

    @Test
    void removing_from_a_list_that_no_longer_exists_says_so() {
        signIn(Role.ADMIN);
        options.deleteList(webinar, ProgressListener.NONE);
        signIn(Role.MARKETING_MANAGER);

        assertThatThrownBy(() -> listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada)), false,
                ProgressListener.NONE)).isInstanceOf(ListNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER", "MARKETING_MANAGER"})
    void the_roles_that_edit_lists_may_remove_members(Role role) {
        signIn(role);

        assertThat(listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada)), false, ProgressListener.NONE))
                .isEqualTo(new MembersRemovedResult(1, 0));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void other_roles_are_refused(Role role) {
        signIn(role);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> listMembers.removeMembers(webinar, BulkSelection.of(Set.of(ada)), true,
                ProgressListener.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> listMembers.removeMembers(webinar,
                BulkSelection.matching(ContactFilter.ALL.withListId(webinar)), false, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.snapshot()).isEqualTo(before);
    }

    private void assertAudit(String subject, long removed, long excluded) {
        List<Map<String, Object>> entries = data.jdbc().queryForList("""
                select username, operation, list_id, list_name, subject, contacts_affected, exclusions_added,
                       exclusions_removed
                from audit_entry
                """);
        assertThat(entries).hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("username")).isEqualTo("marketing_manager");
        assertThat(entry.get("operation")).isEqualTo(AuditOperation.REMOVE_SELECTED_MEMBERS.name());
        assertThat(((Number) entry.get("list_id")).longValue()).isEqualTo(webinar);
        assertThat(entry.get("list_name")).isEqualTo("Webinar");
        assertThat(entry.get("subject")).isEqualTo(subject);
        assertThat(((Number) entry.get("contacts_affected")).longValue()).isEqualTo(removed);
        assertThat(((Number) entry.get("exclusions_added")).longValue()).isEqualTo(excluded);
        assertThat(((Number) entry.get("exclusions_removed")).longValue()).isZero();
    }
}
