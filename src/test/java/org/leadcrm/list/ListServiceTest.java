package org.leadcrm.list;

import org.leadcrm.base.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin", roles = "ADMIN")
class ListServiceTest extends IntegrationTest {

    private static final ListRules ACME = new ListRules("Acme", null, null, null, null, null, null, null, null);

    private final ListService lists;
    private final BulkEditService bulkEdit;
    private final ListMemberService listMembers;
    private final Clock clock;

    ListServiceTest(TestData data, ListService lists, BulkEditService bulkEdit, ListMemberService listMembers, Clock clock) {
        super(data);
        this.lists = lists;
        this.bulkEdit = bulkEdit;
        this.listMembers = listMembers;
        this.clock = clock;
    }

    // --- creating -----------------------------------------------------------------------------------

    @Test
    void creates_a_manual_list_named_by_its_creator() {
        long id = lists.create(ListDraft.manual("  Prospects  ", "Trade fair 2025"));

        assertThat(lists.findSummary(id)).hasValueSatisfying(summary -> {
            assertThat(summary.name()).isEqualTo("Prospects");
            assertThat(summary.description()).isEqualTo("Trade fair 2025");
            assertThat(summary.manual()).isTrue();
            assertThat(summary.memberCount()).isZero();
            assertThat(summary.createdBy()).isEqualTo("admin");
        });
    }

    @Test
    void a_second_list_with_the_same_name_in_another_case_is_refused() {
        lists.create(ListDraft.manual("Prospects", null));

        assertThatThrownBy(() -> lists.create(ListDraft.manual(" PROSPECTS ", null)))
                .isInstanceOf(DuplicateListNameException.class)
                .hasMessageContaining("PROSPECTS");
        assertThat(data.count("contact_list")).isEqualTo(1);
    }

    @Test
    void a_blank_name_is_refused() {
        assertThatThrownBy(() -> lists.create(ListDraft.manual("   ", null)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("Enter a name for the list");
        assertThat(data.count("contact_list")).isZero();
    }

    @Test
    void a_rule_based_list_applied_to_existing_contacts_is_filled_by_its_rules() {
        long acme = data.contact().company("Acme").create();
        long acmeOtherCase = data.contact().company("ACME").create();
        data.contact().company("Acme Corp").create();
        data.contact().create();

        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, true));

        assertThat(data.memberSources(id)).containsOnlyKeys(acme, acmeOtherCase).containsValues("RULE");
        assertThat(lists.findSummary(id)).hasValueSatisfying(summary -> assertThat(summary.memberCount()).isEqualTo(2));
    }

    @Test
    void a_rule_based_list_fills_by_every_rule_at_once() {
        long owner = data.user("ann", Role.SALESPERSON).id();
        long match = data.contact().company("Acme").city("Berlin").status(ContactStatus.LEAD).score(60).owner(owner).create();
        data.contact().company("Acme").city("Paris").status(ContactStatus.LEAD).score(60).owner(owner).create();
        data.contact().company("Acme").city("Berlin").status(ContactStatus.CUSTOMER).score(60).owner(owner).create();
        data.contact().company("Acme").city("Berlin").status(ContactStatus.LEAD).score(20).owner(owner).create();
        data.contact().company("Acme").city("Berlin").status(ContactStatus.LEAD).score(60).create();
        ListRules rules = new ListRules("acme", "berlin", null, ContactStatus.LEAD, owner, 50, 100, null, null);

        long id = lists.create(ListDraft.ruleBased("Hot Berlin leads", null, rules, true));

        assertThat(data.members(id)).containsExactly(match);
    }

    @Test
    void a_rule_based_list_not_applied_to_existing_contacts_starts_empty() {
        data.contact().company("Acme").create();

        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, false));

        assertThat(data.members(id)).isEmpty();
    }

    @Test
    void a_rule_based_list_on_created_dates_and_scores_includes_both_ends() {
        ZoneId zone = clock.getZone();
        Instant march = LocalDate.of(2025, 3, 1).atStartOfDay(zone).toInstant();
        Instant april = LocalDate.of(2025, 4, 1).atStartOfDay(zone).toInstant();
        data.contact().score(50).createdAt(march.minusSeconds(1)).create();
        long firstMoment = data.contact().score(50).createdAt(march).create();
        long lastMoment = data.contact().score(80).createdAt(april.minusSeconds(1)).create();
        data.contact().score(50).createdAt(april).create();
        data.contact().score(49).createdAt(march.plusSeconds(3600)).create();
        data.contact().score(81).createdAt(march.plusSeconds(3600)).create();
        ListRules march2025 = new ListRules(null, null, null, null, null, 50, 80,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));

        long id = lists.create(ListDraft.ruleBased("March", null, march2025, true));

        assertThat(data.members(id)).containsExactlyInAnyOrder(firstMoment, lastMoment);
    }

    // --- rebuilding -----------------------------------------------------------------------------------

    @Test
    void rebuilding_follows_the_rules_keeps_hand_added_members_and_never_brings_back_excluded_contacts() {
        long stays = data.contact().company("Acme").create();
        long leavesTheCompany = data.contact().company("Acme").create();
        long excluded = data.contact().company("Acme").create();
        long handAdded = data.contact().company("Globex").create();
        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, true));
        bulkEdit.addContacts(id, BulkSelection.of(Set.of(handAdded)), ProgressListener.NONE);
        listMembers.removeMember(id, excluded);
        data.jdbc().update("update contact set company = 'Initech' where id = ?", leavesTheCompany);
        long joins = data.contact().company("acme").create();

        RebuildResult result = lists.rebuild(id);

        assertThat(result).isEqualTo(new RebuildResult(1, 1));
        assertThat(data.members(id)).containsExactlyInAnyOrder(stays, joins, handAdded);
        assertThat(data.exclusions(id)).containsExactly(excluded);
    }

    @Test
    void rebuilding_twice_changes_nothing_the_second_time() {
        data.contact().company("Acme").create();
        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, true));
        Set<Long> before = data.members(id);

        assertThat(lists.rebuild(id)).isEqualTo(new RebuildResult(0, 0));
        assertThat(data.members(id)).isEqualTo(before);
    }

    @Test
    void a_manual_list_has_no_rules_to_rebuild_from() {
        long id = lists.create(ListDraft.manual("Prospects", null));

        assertThatThrownBy(() -> lists.rebuild(id)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void a_manual_list_cannot_become_rule_based() {
        long id = lists.create(ListDraft.manual("Prospects", null));

        assertThatThrownBy(() -> lists.update(id, ListDraft.ruleBased("Prospects", null, ACME, true)))
                .isInstanceOf(UserFacingException.class);
        assertThat(lists.findDetails(id)).hasValueSatisfying(details -> assertThat(details.manual()).isTrue());
    }

    @Test
    void changing_the_rules_refreshes_the_members() {
        long acme = data.contact().company("Acme").create();
        long globex = data.contact().company("Globex").create();
        long id = lists.create(ListDraft.ruleBased("Customers", null, ACME, true));

        lists.update(id, ListDraft.ruleBased("Customers", null,
                new ListRules("Globex", null, null, null, null, null, null, null, null), true));

        assertThat(data.members(id)).containsExactly(globex).doesNotContain(acme);
    }

    // --- removing one member ------------------------------------------------------------------------

    @Test
    void removing_a_member_of_a_rule_based_list_excludes_it_so_that_rebuilding_does_not_bring_it_back() {
        long removed = data.contact().company("Acme").create();
        long kept = data.contact().company("Acme").create();
        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, true));

        listMembers.removeMember(id, removed);
        lists.rebuild(id);

        assertThat(data.members(id)).containsExactly(kept);
        assertThat(data.exclusions(id)).containsExactly(removed);
    }

    @Test
    void removing_a_member_of_a_manual_list_records_no_exclusion() {
        List<Long> contacts = data.contacts(2);
        long id = data.manualList("Prospects");
        data.addMembers(id, contacts);

        listMembers.removeMember(id, contacts.get(0));

        assertThat(data.members(id)).containsExactly(contacts.get(1));
        assertThat(data.exclusions(id)).isEmpty();
        assertThat(data.contactExists(contacts.get(0))).isTrue();
    }

    // --- Bulk Edit ------------------------------------------------------------------------------------

    @Test
    void bulk_edit_adds_the_selected_contacts_counting_those_already_there_and_those_excluded() {
        List<Long> c = data.contacts(6);
        long id = data.manualList("Prospects");
        data.addMembers(id, c.get(0));
        data.exclude(id, c.get(1));

        BulkAddResult result = bulkEdit.addContacts(id, BulkSelection.of(Set.of(c.get(0), c.get(1), c.get(2), c.get(3))), ProgressListener.NONE);

        assertThat(result).isEqualTo(new BulkAddResult(2, 1, 1));
        assertThat(data.members(id)).containsExactlyInAnyOrder(c.get(0), c.get(2), c.get(3));
        assertThat(data.exclusions(id)).containsExactly(c.get(1));
    }

    @Test
    void bulk_edit_adds_all_contacts_matching_a_filter() {
        long list = data.manualList("Acme");
        long member = data.contact().company("Acme").create();
        long excluded = data.contact().company("Acme").create();
        long first = data.contact().company("Acme").create();
        long second = data.contact().company("acme").create();
        long other = data.contact().company("Globex").create();
        data.addMembers(list, member);
        data.exclude(list, excluded);

        BulkAddResult result = bulkEdit.addContacts(list, BulkSelection.matching(ContactFilter.ALL.withCompany("ACME")), ProgressListener.NONE);

        assertThat(result).isEqualTo(new BulkAddResult(2, 1, 1));
        assertThat(data.members(list)).containsExactlyInAnyOrder(member, first, second).doesNotContain(other);
        assertThat(data.memberSources(list)).containsValues("MANUAL");
    }

    @Test
    void bulk_edit_of_the_same_selection_twice_adds_nothing_the_second_time() {
        List<Long> c = data.contacts(3);
        long id = data.manualList("Prospects");
        bulkEdit.addContacts(id, BulkSelection.of(Set.copyOf(c)), ProgressListener.NONE);

        assertThat(bulkEdit.addContacts(id, BulkSelection.of(Set.copyOf(c)), ProgressListener.NONE)).isEqualTo(new BulkAddResult(0, 3, 0));
    }

    @Test
    void bulk_edit_skips_excluded_contacts_of_a_rule_based_list_too() {
        long excluded = data.contact().company("Globex").create();
        long added = data.contact().company("Globex").create();
        long id = lists.create(ListDraft.ruleBased("Acme people", null, ACME, true));
        data.exclude(id, excluded);

        BulkAddResult result = bulkEdit.addContacts(id, BulkSelection.matching(ContactFilter.ALL.withCompany("Globex")), ProgressListener.NONE);

        assertThat(result).isEqualTo(new BulkAddResult(1, 0, 1));
        assertThat(data.members(id)).containsExactly(added);
    }

    @Test
    void bulk_edit_into_a_new_list_creates_a_manual_list_with_the_selected_contacts() {
        List<Long> c = data.contacts(3);

        NewListResult result = bulkEdit.addContactsToNewList(ListDraft.manual("Fresh", null),
                BulkSelection.of(Set.of(c.get(0), c.get(1))), ProgressListener.NONE);

        assertThat(result.result()).isEqualTo(new BulkAddResult(2, 0, 0));
        assertThat(data.members(result.listId())).containsExactlyInAnyOrder(c.get(0), c.get(1));
        assertThat(lists.findDetails(result.listId())).hasValueSatisfying(details -> {
            assertThat(details.name()).isEqualTo("Fresh");
            assertThat(details.manual()).isTrue();
        });
    }

    @Test
    void bulk_edit_into_a_new_list_of_all_matching_a_filter() {
        long lead = data.contact().status(ContactStatus.LEAD).create();
        long otherLead = data.contact().status(ContactStatus.LEAD).create();
        data.contact().status(ContactStatus.CUSTOMER).create();

        NewListResult result = bulkEdit.addContactsToNewList(ListDraft.manual("All leads", null),
                BulkSelection.matching(ContactFilter.ALL.withStatus(ContactStatus.LEAD)), ProgressListener.NONE);

        assertThat(result.result()).isEqualTo(new BulkAddResult(2, 0, 0));
        assertThat(data.members(result.listId())).containsExactlyInAnyOrder(lead, otherLead);
    }

    @Test
    void bulk_edit_into_a_new_list_with_a_name_in_use_creates_nothing() {
        long existing = data.manualList("Prospects");
        List<Long> c = data.contacts(2);

        assertThatThrownBy(() -> bulkEdit.addContactsToNewList(ListDraft.manual("prospects", null),
                BulkSelection.of(Set.copyOf(c)), ProgressListener.NONE))
                .isInstanceOf(DuplicateListNameException.class);
        assertThat(data.count("contact_list")).isEqualTo(1);
        assertThat(data.members(existing)).isEmpty();
    }

    @Test
    void bulk_edit_into_a_new_list_with_nothing_selected_creates_no_list() {
        assertThatThrownBy(() -> bulkEdit.addContactsToNewList(ListDraft.manual("Empty", null), BulkSelection.of(Set.of()), ProgressListener.NONE))
                .isInstanceOf(UserFacingException.class);
        assertThat(data.count("contact_list")).isZero();
    }

    @Test
    void bulk_edit_into_a_new_list_makes_manual_lists_only() {
        long contact = data.contact().create();

        assertThatThrownBy(() -> bulkEdit.addContactsToNewList(ListDraft.ruleBased("Rules", null, ACME, false),
                BulkSelection.of(Set.of(contact)), ProgressListener.NONE))
                .isInstanceOf(UserFacingException.class);
        assertThat(data.count("contact_list")).isZero();
    }

    @Test
    void bulk_edit_into_a_list_that_no_longer_exists_says_so() {
        long contact = data.contact().create();

        assertThatThrownBy(() -> bulkEdit.addContacts(-1, BulkSelection.of(Set.of(contact)), ProgressListener.NONE))
                .isInstanceOf(ListNotFoundException.class);
    }

    @Test
    @WithMockUser(username = "marketing_manager", roles = "MARKETING_MANAGER")
    void a_marketing_manager_may_create_lists_and_bulk_edit_into_them() {
        long contact = data.contact().create();

        long id = lists.create(ListDraft.manual("Campaign", null));

        assertThat(bulkEdit.addContacts(id, BulkSelection.of(Set.of(contact)), ProgressListener.NONE)).isEqualTo(new BulkAddResult(1, 0, 0));
    }

    // --- finding lists --------------------------------------------------------------------------------

    @Test
    void searching_lists_matches_any_part_of_the_name_in_any_case_and_takes_wildcards_literally() {
        long half = data.manualList("50% off");
        data.manualList("500 leads");
        long underscore = data.manualList("spring_fair");
        data.manualList("springXfair");

        assertThat(lists.find("% OFF", 0, 10)).extracting(ListSummary::id).containsExactly(half);
        assertThat(lists.find("g_f", 0, 10)).extracting(ListSummary::id).containsExactly(underscore);
        assertThat(lists.count("50%")).isEqualTo(1);
    }

    @Test
    void a_list_summary_counts_members_and_exclusions() {
        List<Long> c = data.contacts(5);
        long id = data.manualList("Prospects");
        data.addMembers(id, c.get(0), c.get(1), c.get(2));
        data.exclude(id, c.get(3));

        assertThat(lists.findSummary(id)).hasValueSatisfying(summary -> {
            assertThat(summary.memberCount()).isEqualTo(3);
            assertThat(summary.exclusionCount()).isEqualTo(1);
        });
        assertThat(listMembers.findExclusions(id, 0, 10)).extracting(ExcludedContact::contactId).containsExactly(c.get(3));
    }

    // --- roles without the right ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void roles_without_the_right_may_not_create_lists(Role role) {
        signIn(role);

        assertThatThrownBy(() -> lists.create(ListDraft.manual("Mine", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bulkEdit.addContactsToNewList(ListDraft.manual("Mine", null), BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.count("contact_list")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void roles_without_the_right_may_not_change_members(Role role) {
        long contact = data.contact().create();
        long manual = data.manualList("Prospects");
        long ruleBased = data.ruleBasedList("Acme", ACME);
        data.addMembers(manual, contact);
        signIn(role);

        assertThatThrownBy(() -> bulkEdit.addContacts(manual, BulkSelection.of(Set.of(contact)), ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bulkEdit.addContacts(ruleBased, BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> listMembers.removeMember(manual, contact)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> listMembers.addExclusion(manual, contact)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.rebuild(ruleBased)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.update(manual, ListDraft.manual("Renamed", null))).isInstanceOf(AccessDeniedException.class);
        assertThat(data.members(manual)).containsExactly(contact);
        assertThat(data.members(ruleBased)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_may_view_lists(Role role) {
        long id = data.manualList("Prospects");
        signIn(role);

        assertThat(lists.find("", 0, 10)).extracting(ListSummary::id).containsExactly(id);
        assertThat(lists.count("pro")).isEqualTo(1);
    }

    // --- what a Jr. Salesperson may see ----------------------------------------------------------

    @Test
    void a_jr_salesperson_sees_only_their_own_contacts_in_a_lists_counts_and_exclusions() {
        long junior = data.user(Role.JR_SALESPERSON).id();
        long colleague = data.user(Role.SALESPERSON).id();
        long mine = data.contact().owner(junior).create();
        long myExcluded = data.contact().owner(junior).create();
        List<Long> theirs = List.of(data.contact().owner(colleague).create(), data.contact().owner(colleague).create());
        long theirExcluded = data.contact().owner(colleague).create();
        long id = data.manualList("Prospects");
        data.addMembers(id, mine, theirs.get(0), theirs.get(1));
        data.exclude(id, myExcluded, theirExcluded);
        signIn(Role.JR_SALESPERSON);

        assertThat(lists.findSummary(id)).hasValueSatisfying(summary -> {
            assertThat(summary.memberCount()).isEqualTo(1);
            assertThat(summary.exclusionCount()).isEqualTo(1);
        });
        assertThat(lists.find("", 0, 10)).singleElement().satisfies(summary -> {
            assertThat(summary.memberCount()).isEqualTo(1);
            assertThat(summary.exclusionCount()).isEqualTo(1);
        });
        assertThat(listMembers.findExclusions(id, 0, 10)).extracting(ExcludedContact::contactId).containsExactly(myExcluded);
        assertThat(listMembers.countExclusions(id)).isEqualTo(1);
    }

    @Test
    void other_roles_see_every_member_and_exclusion_of_a_list() {
        long colleague = data.user(Role.SALESPERSON).id();
        long theirs = data.contact().owner(colleague).create();
        long theirExcluded = data.contact().owner(colleague).create();
        long id = data.manualList("Prospects");
        data.addMembers(id, theirs);
        data.exclude(id, theirExcluded);
        signIn(Role.SALES_MANAGER);

        assertThat(lists.findSummary(id)).hasValueSatisfying(summary -> {
            assertThat(summary.memberCount()).isEqualTo(1);
            assertThat(summary.exclusionCount()).isEqualTo(1);
        });
        assertThat(listMembers.findExclusions(id, 0, 10)).extracting(ExcludedContact::contactId).containsExactly(theirExcluded);
    }

    @Test
    void applying_a_lists_rules_to_existing_contacts_is_audited_with_what_it_added_and_removed() {
        long acme = data.contact().company("Acme").create();
        long globex = data.contact().company("Globex").create();
        long id = lists.create(ListDraft.ruleBased("Acme", null, ACME, true));
        data.addRuleMembers(id, List.of(globex));

        lists.update(id, ListDraft.ruleBased("Acme", null, ACME, true));

        assertThat(data.members(id)).containsExactly(acme);
        assertThat(data.jdbc().queryForList("select operation || ':' || contacts_added || ':' || contacts_affected"
                + " from audit_entry order by id", String.class))
                .containsExactly("APPLY_LIST_RULES:1:0", "APPLY_LIST_RULES:0:1");
    }
}
