package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.deletion.DeletionPreview;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The five items of a list's Options menu against PRODUCT.md's table: what goes and what stays,
 * in every table. Every test starts from the same small world:
 *
 * <pre>
 * list "Target":  members a (also on Other), b, s (synced); excludes x
 * list "Other":   members a, o; excludes b
 * opportunities:  onlyB (lead b), aAndO (a, o), sAndB (s, b), onlyO (o)
 * </pre>
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class ListOptionsServiceTest extends IntegrationTest {

    private final ListOptionsService options;
    private final ListService lists;
    private final BulkEditService bulkEdit;
    private final ListMemberService listMembers;

    private long target;
    private long other;
    private long a;
    private long b;
    private long s;
    private long x;
    private long o;
    private long onlyB;
    private long aAndO;
    private long sAndB;
    private long onlyO;

    ListOptionsServiceTest(TestData data, ListOptionsService options, ListService lists, BulkEditService bulkEdit,
            ListMemberService listMembers) {
        super(data);
        this.options = options;
        this.lists = lists;
        this.bulkEdit = bulkEdit;
        this.listMembers = listMembers;
    }

    @BeforeEach
    void twoListsSharingAContact() {
        a = data.contact("Anna", "Shared");
        b = data.contact("Bert", "Only");
        s = data.contact().name("Sally", "Synced").synced(CrmSystem.SALESFORCE).create();
        x = data.contact("Xavier", "Excluded");
        o = data.contact("Otto", "Outsider");
        target = data.manualList("Target");
        other = data.manualList("Other");
        data.addMembers(target, a, b, s);
        data.exclude(target, x);
        data.addMembers(other, a, o);
        data.exclude(other, b);
        onlyB = data.opportunity("Only B", b);
        aAndO = data.opportunity("A and O", a, o);
        sAndB = data.opportunity("S and B", s, b);
        onlyO = data.opportunity("Only O", o);
    }

    // --- Remove All Contacts ----------------------------------------------------------------------

    @Test
    void removing_all_contacts_keeps_the_contacts_and_the_list_but_clears_its_exclusions() {
        ListOperationResult result = options.removeAllContacts(target, false, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(3, 0, 0, 0, 1));
        assertThat(data.contactIds()).containsExactlyInAnyOrder(a, b, s, x, o);
        assertThat(data.listExists(target)).isTrue();
        assertThat(data.members(target)).isEmpty();
        assertThat(data.exclusions(target)).isEmpty();
        assertOtherListUntouched();
        assertOpportunitiesUntouched();
        assertAudit(AuditOperation.REMOVE_ALL_CONTACTS, 3, 0, 0, 1);
    }

    @Test
    void removing_all_contacts_keeping_exclusions_keeps_contacts_list_and_exclusions() {
        ListOperationResult result = options.removeAllContacts(target, true, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(3, 0, 0, 0, 0));
        assertThat(data.contactIds()).containsExactlyInAnyOrder(a, b, s, x, o);
        assertThat(data.listExists(target)).isTrue();
        assertThat(data.members(target)).isEmpty();
        assertThat(data.exclusions(target)).containsExactly(x);
        assertOtherListUntouched();
        assertOpportunitiesUntouched();
        assertAudit(AuditOperation.REMOVE_ALL_CONTACTS_KEEP_EXCLUSIONS, 3, 0, 0, 0);
    }

    @Test
    void contacts_removed_from_a_rule_based_list_come_back_at_the_next_rebuild_unless_excluded() {
        ListRules acme = new ListRules("Acme", null, null, null, null, null, null, null, null);
        long first = data.contact().company("Acme").create();
        long excluded = data.contact().company("Acme").create();
        long ruleBased = lists.create(ListDraft.ruleBased("Acme", null, acme, true));
        listMembers.removeMember(ruleBased, excluded);

        options.removeAllContacts(ruleBased, true, ProgressListener.NONE);
        lists.rebuild(ruleBased);
        assertThat(data.members(ruleBased)).containsExactly(first);

        options.removeAllContacts(ruleBased, false, ProgressListener.NONE);
        lists.rebuild(ruleBased);
        assertThat(data.members(ruleBased)).containsExactlyInAnyOrder(first, excluded);
    }

    // --- Permanently Delete All Contacts -------------------------------------------------------------

    @Test
    void previewing_a_permanent_delete_counts_members_synced_members_and_opportunities() {
        assertThat(options.previewDeletion(target).preview()).isEqualTo(new DeletionPreview(3, 1, 1));
    }

    @Test
    void permanently_deleting_all_contacts_deletes_the_members_everywhere_but_keeps_synced_ones_and_the_list() {
        ListOperationResult result = options.deleteAllContacts(target, 3, data.memberVersion(target), false, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(0, 2, 1, 1, 0));
        assertThat(data.contactIds()).containsExactlyInAnyOrder(s, x, o);
        assertThat(data.listExists(target)).isTrue();
        assertThat(data.members(target)).as("synced members stay members").containsExactly(s);
        assertThat(data.exclusions(target)).containsExactly(x);
        assertThat(data.members(other)).containsExactly(o);
        assertThat(data.exclusions(other)).as("a deleted contact leaves every list").isEmpty();
        assertDeletedWithTheirOnlyLeadsAndUnlinkedElsewhere();
        assertThat(data.count("deletion_target")).isZero();
        assertAudit(AuditOperation.DELETE_ALL_CONTACTS, 2, 1, 1, 0);
    }

    @Test
    void permanently_deleting_all_contacts_and_the_list_leaves_nothing_of_the_list() {
        ListOperationResult result = options.deleteAllContacts(target, 3, data.memberVersion(target), true, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(1, 2, 1, 1, 1));
        assertThat(data.contactIds()).as("synced contacts and non-members stay").containsExactlyInAnyOrder(s, x, o);
        assertThat(data.listExists(target)).isFalse();
        assertThat(data.members(target)).isEmpty();
        assertThat(data.exclusions(target)).isEmpty();
        assertThat(data.members(other)).containsExactly(o);
        assertThat(data.exclusions(other)).isEmpty();
        assertDeletedWithTheirOnlyLeadsAndUnlinkedElsewhere();
        assertAudit(AuditOperation.DELETE_ALL_CONTACTS_AND_LIST, 2, 1, 1, 1);
    }

    @Test
    void the_result_of_a_permanent_delete_matches_its_preview() {
        DeletionPreview preview = options.previewDeletion(target).preview();

        ListOperationResult result = options.deleteAllContacts(target, preview.selected(), data.memberVersion(target), false, ProgressListener.NONE);

        assertThat(result.contactsDeleted()).isEqualTo(preview.deletable());
        assertThat(result.syncedKept()).isEqualTo(preview.synced());
        assertThat(result.opportunitiesDeleted()).isEqualTo(preview.opportunitiesDeleted());
    }

    @Test
    void permanently_deleting_a_list_of_synced_contacts_only_deletes_nothing_and_keeps_them_members() {
        long synced = data.manualList("Synced only");
        long sugar = data.contact().synced(CrmSystem.SUGARCRM).create();
        data.addMembers(synced, s, sugar);

        ListOperationResult result = options.deleteAllContacts(synced, 2, data.memberVersion(synced), false, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(0, 0, 2, 0, 0));
        assertThat(data.members(synced)).containsExactlyInAnyOrder(s, sugar);
        assertThat(data.contactExists(sugar)).isTrue();
    }

    @Test
    void permanently_deleting_an_empty_list_needs_zero_typed_and_deletes_nothing() {
        long empty = data.manualList("Empty");
        TestData.Snapshot before = data.snapshot();

        ListOperationResult result = options.deleteAllContacts(empty, 0, data.memberVersion(empty), false, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(0, 0, 0, 0, 0));
        assertThat(data.snapshot().contacts()).isEqualTo(before.contacts());
        assertThat(data.snapshot().opportunities()).isEqualTo(before.opportunities());
    }

    @ParameterizedTest(name = "also delete the list: {0}")
    @ValueSource(booleans = {false, true})
    void a_typed_count_that_differs_from_the_member_count_deletes_nothing(boolean alsoDeleteList) {
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> options.deleteAllContacts(target, 2, data.memberVersion(target), alsoDeleteList, ProgressListener.NONE))
                .isInstanceOfSatisfying(ListChangedException.class,
                        changed -> assertThat(changed.actualCount()).isEqualTo(3))
                .hasMessageContaining("Nothing was deleted");
        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Test
    void a_list_that_changed_since_the_confirmation_opened_deletes_nothing() {
        ListDeletionPreview shown = options.previewDeletion(target);
        bulkEdit.addContacts(target, BulkSelection.of(Set.of(o)), ProgressListener.NONE);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> options.deleteAllContacts(target, shown.preview().selected(), shown.memberVersion(), false,
                ProgressListener.NONE))
                .isInstanceOf(ListChangedException.class);
        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Test
    void a_member_swapped_for_another_since_the_confirmation_opened_deletes_nothing() {
        ListDeletionPreview shown = options.previewDeletion(target);
        long someoneElse = data.contact().create();
        long aMember = data.members(target).iterator().next();
        listMembers.removeMember(target, aMember);
        bulkEdit.addContacts(target, BulkSelection.of(Set.of(someoneElse)), ProgressListener.NONE);
        assertThat(data.members(target)).hasSize((int) shown.preview().selected());
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> options.deleteAllContacts(target, shown.preview().selected(), shown.memberVersion(), false,
                ProgressListener.NONE))
                .isInstanceOf(ListChangedException.class)
                .hasMessageContaining("look again");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.contactExists(someoneElse)).isTrue();
    }

    @Test
    void a_failure_part_way_through_a_permanent_delete_deletes_nothing() {
        TestData.Snapshot before = data.snapshot();
        List<String> phases = new ArrayList<>();
        ProgressListener failsWhileDeletingTheContacts = (phase, step, steps) -> {
            phases.add(phase);
            if (phase.equals("Deleting the contacts")) {
                throw new IllegalStateException("injected failure");
            }
        };

        assertThatThrownBy(() -> options.deleteAllContacts(target, 3, data.memberVersion(target), true, failsWhileDeletingTheContacts))
                .hasMessage("injected failure");

        assertThat(phases).as("opportunities, links and memberships were already deleted when it failed")
                .contains("Deleting opportunities that lose their only lead", "Removing the contacts from every list");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.count("deletion_target")).isZero();
        // and nothing left behind stands in the way of the next attempt
        assertThat(options.deleteAllContacts(target, 3, data.memberVersion(target), true, ProgressListener.NONE))
                .isEqualTo(new ListOperationResult(1, 2, 1, 1, 1));
    }

    @Test
    void progress_is_reported_phase_by_phase_up_to_the_last_step() {
        List<int[]> steps = new ArrayList<>();

        options.deleteAllContacts(target, 3, data.memberVersion(target), true, (phase, step, total) -> steps.add(new int[] {step, total}));

        assertThat(steps).extracting(step -> step[0]).isSorted().startsWith(1);
        assertThat(steps.get(steps.size() - 1)[0]).isEqualTo(steps.get(0)[1]);
    }

    // --- Delete List -------------------------------------------------------------------------------

    @Test
    void deleting_a_list_deletes_it_with_its_memberships_and_exclusions_but_keeps_every_contact() {
        ListOperationResult result = options.deleteList(target, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(3, 0, 0, 0, 1));
        assertThat(data.listExists(target)).isFalse();
        assertThat(data.members(target)).isEmpty();
        assertThat(data.exclusions(target)).isEmpty();
        assertThat(data.contactIds()).containsExactlyInAnyOrder(a, b, s, x, o);
        assertOtherListUntouched();
        assertOpportunitiesUntouched();
        assertAudit(AuditOperation.DELETE_LIST, 3, 0, 0, 1);
    }

    @Test
    void an_operation_on_a_list_that_no_longer_exists_says_so() {
        options.deleteList(target, ProgressListener.NONE);

        assertThatThrownBy(() -> options.deleteList(target, ProgressListener.NONE)).isInstanceOf(ListNotFoundException.class);
        assertThatThrownBy(() -> options.removeAllContacts(target, false, ProgressListener.NONE))
                .isInstanceOf(ListNotFoundException.class);
        assertThatThrownBy(() -> options.deleteAllContacts(target, 0, data.memberVersion(target), false, ProgressListener.NONE))
                .isInstanceOf(ListNotFoundException.class);
        assertThatThrownBy(() -> options.previewDeletion(target)).isInstanceOf(ListNotFoundException.class);
    }

    // --- the audit entry ------------------------------------------------------------------------------

    @Test
    void an_operation_whose_audit_entry_cannot_be_written_does_not_happen() {
        // audit_entry.username holds 50 characters: this user's entry cannot be written
        signIn("a-user-name-far-too-long-for-the-audit-log-column-to-hold", Role.ADMIN);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> options.deleteAllContacts(target, 3, data.memberVersion(target), true, ProgressListener.NONE))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> options.removeAllContacts(target, false, ProgressListener.NONE))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> options.deleteList(target, ProgressListener.NONE))
                .isInstanceOf(DataAccessException.class);

        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Test
    void the_audit_entry_names_the_user_and_the_list_but_none_of_the_people() {
        options.deleteAllContacts(target, 3, data.memberVersion(target), false, ProgressListener.NONE);

        List<Map<String, Object>> entries = data.jdbc().queryForList("select * from audit_entry");
        assertThat(entries).hasSize(1);
        String everything = entries.get(0).values().toString();
        assertThat(everything).contains("admin", "Target")
                .doesNotContain("Anna", "Bert", "Shared", "@example.com");
    }

    // --- who may ---------------------------------------------------------------------------------------

    @Test
    @WithMockUser(username = "company_manager", roles = "COMPANY_MANAGER")
    void a_company_manager_may_use_every_option() {
        assertThat(options.previewDeletion(target).preview().selected()).isEqualTo(3);
        assertThat(options.removeAllContacts(other, true, ProgressListener.NONE).membersRemoved()).isEqualTo(2);
        assertThat(options.deleteAllContacts(target, 3, data.memberVersion(target), false, ProgressListener.NONE).contactsDeleted()).isEqualTo(2);
        assertThat(options.deleteList(target, ProgressListener.NONE).membersRemoved()).as("the synced member").isEqualTo(1);
        assertThat(data.listExists(target)).isFalse();
        assertThat(data.count("audit_entry")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void roles_other_than_administrator_and_company_manager_may_use_no_option(Role role) {
        signIn(role);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> options.removeAllContacts(target, false, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> options.removeAllContacts(target, true, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> options.deleteAllContacts(target, 3, data.memberVersion(target), false, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> options.deleteAllContacts(target, 3, data.memberVersion(target), true, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> options.deleteList(target, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> options.previewDeletion(target)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.snapshot()).isEqualTo(before);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void assertOtherListUntouched() {
        assertThat(data.members(other)).containsExactlyInAnyOrder(a, o);
        assertThat(data.exclusions(other)).containsExactly(b);
    }

    private void assertOpportunitiesUntouched() {
        assertThat(data.opportunityLeads(onlyB)).containsExactly(b);
        assertThat(data.opportunityLeads(aAndO)).containsExactlyInAnyOrder(a, o);
        assertThat(data.opportunityLeads(sAndB)).containsExactlyInAnyOrder(s, b);
        assertThat(data.opportunityLeads(onlyO)).containsExactly(o);
    }

    private void assertDeletedWithTheirOnlyLeadsAndUnlinkedElsewhere() {
        assertThat(data.opportunityExists(onlyB)).as("its only lead was deleted").isFalse();
        assertThat(data.opportunityLeads(onlyB)).isEmpty();
        assertThat(data.opportunityLeads(aAndO)).containsExactly(o);
        assertThat(data.opportunityLeads(sAndB)).as("the synced lead stays").containsExactly(s);
        assertThat(data.opportunityLeads(onlyO)).containsExactly(o);
    }

    private void assertAudit(AuditOperation operation, long affected, long kept, long opportunities, long exclusions) {
        List<Map<String, Object>> entries = data.jdbc().queryForList("""
                select username, operation, list_id, list_name, contacts_affected, contacts_kept,
                       opportunities_deleted, exclusions_removed
                from audit_entry
                """);
        assertThat(entries).hasSize(1);
        Map<String, Object> entry = lowerCaseKeys(entries.get(0));
        assertThat(entry.get("username")).isEqualTo("admin");
        assertThat(entry.get("operation")).isEqualTo(operation.name());
        assertThat(((Number) entry.get("list_id")).longValue()).isEqualTo(target);
        assertThat(entry.get("list_name")).isEqualTo("Target");
        assertThat(((Number) entry.get("contacts_affected")).longValue()).isEqualTo(affected);
        assertThat(((Number) entry.get("contacts_kept")).longValue()).isEqualTo(kept);
        assertThat(((Number) entry.get("opportunities_deleted")).longValue()).isEqualTo(opportunities);
        assertThat(((Number) entry.get("exclusions_removed")).longValue()).isEqualTo(exclusions);
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> result = new HashMap<>();
        row.forEach((key, value) -> result.put(key.toLowerCase(Locale.ROOT), value));
        return result;
    }
}
