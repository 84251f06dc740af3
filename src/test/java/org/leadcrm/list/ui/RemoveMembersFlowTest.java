package org.leadcrm.list.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.list.ListRules;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * Removing selected members from a list on its page (PRODUCT.md, "Beyond the seed"): ticked
 * members or all matching the member search, with or without excluding them.
 */
class RemoveMembersFlowTest extends KaribuTest {

    private long list;
    private long ada;
    private long alan;
    private long grace;
    private long eve;

    RemoveMembersFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void aListWithThreeMembersAndAnExclusion() {
        list = data.manualList("Webinar");
        ada = data.contact("Ada", "Lovelace");
        alan = data.contact("Alan", "Turing");
        grace = data.contact("Grace", "Hopper");
        eve = data.contact("Eve", "Excluded");
        data.addMembers(list, ada, alan, grace);
        data.exclude(list, eve);
    }

    private MembersTab open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListView.class, list);
        return _get(ListView.class).membersTab;
    }

    private static void tick(MembersTab tab, String... lastNames) {
        Set<String> wanted = Set.of(lastNames);
        for (int row = 0; row < _size(tab.members); row++) {
            if (wanted.contains(_get(tab.members, row).lastName())) {
                tab.members.select(_get(tab.members, row));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER", "MARKETING_MANAGER"})
    void ticked_members_leave_the_list_and_every_contact_stays(Role role) {
        MembersTab tab = open(role);
        tick(tab, "Lovelace", "Hopper");
        assertThat(tab.removeSelected.getText()).isEqualTo("Remove 2 from list…");
        _click(tab.removeSelected);

        RemoveMembersDialog dialog = _get(RemoveMembersDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Remove 2 members from Webinar?");
        assertThat(dialog.getElement().getTextRecursively())
                .contains("The 2 selected members leave \"Webinar\". Every contact stays in LeadCRM.")
                .doesNotContain("rule-based");
        assertThat(dialog.exclude.getValue()).as("a manual list: not excluded unless asked").isFalse();
        _click(dialog.remove);

        expectNotifications("Removed 2 members from Webinar. Every contact stays in LeadCRM.");
        assertThat(data.members(list)).containsExactly(alan);
        assertThat(data.exclusions(list)).containsExactly(eve);
        assertThat(data.contactIds()).contains(ada, alan, grace, eve);
        assertThat(_size(tab.members)).isEqualTo(1);
        assertThat(_get(ListView.class).memberCount.getText()).isEqualTo("1 member · 1 excluded");
    }

    @Test
    void ticked_members_can_be_excluded_as_they_leave() {
        MembersTab tab = open(Role.MARKETING_MANAGER);
        tick(tab, "Turing");
        _click(tab.removeSelected);
        RemoveMembersDialog dialog = _get(RemoveMembersDialog.class);
        _setValue(dialog.exclude, true);
        _click(dialog.remove);

        expectNotifications("Removed 1 member from Webinar and excluded it. Every contact stays in LeadCRM.");
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, grace);
        assertThat(data.exclusions(list)).containsExactlyInAnyOrder(eve, alan);
        assertThat(_get(ListView.class).memberCount.getText()).isEqualTo("2 members · 2 excluded");
    }

    @Test
    void all_members_matching_the_search_leave_the_list() {
        MembersTab tab = open(Role.ADMIN);
        _setValue(tab.memberSearch, "lo");
        assertThat(_size(tab.members)).as("Lovelace").isEqualTo(1);
        assertThat(tab.allMatching.getLabel()).isEqualTo("Select all 1 matching");
        _setValue(tab.allMatching, true);
        assertThat(tab.removeSelected.getText()).isEqualTo("Remove 1 from list…");
        _click(tab.removeSelected);

        RemoveMembersDialog dialog = _get(RemoveMembersDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("The one member matching the search leaves \"Webinar\".");
        _setValue(dialog.exclude, true);
        _click(dialog.remove);

        expectNotifications("Removed 1 member from Webinar and excluded it. Every contact stays in LeadCRM.");
        assertThat(data.members(list)).containsExactlyInAnyOrder(alan, grace);
        assertThat(data.exclusions(list)).containsExactlyInAnyOrder(eve, ada);
        assertThat(tab.allMatching.getValue()).isFalse();
    }

    @Test
    void cancel_changes_nothing() {
        MembersTab tab = open(Role.ADMIN);
        _setValue(tab.allMatching, true);
        _click(tab.removeSelected);
        RemoveMembersDialog dialog = _get(RemoveMembersDialog.class);
        assertThat(dialog.cancel.getThemeNames()).as("Cancel is the default").contains("primary");
        _click(dialog.cancel);

        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, alan, grace);
        assertThat(data.exclusions(list)).containsExactly(eve);
    }

    @Test
    void on_a_rule_based_list_the_confirmation_says_that_members_come_back_unless_excluded() {
        data.wipe();
        ada = data.contact("Ada", "Lovelace");
        alan = data.contact("Alan", "Turing");
        list = data.ruleBasedList("Everyone", ListRules.NONE);
        data.addRuleMembers(list, Set.of(ada, alan));
        MembersTab tab = open(Role.ADMIN);
        tick(tab, "Lovelace");
        _click(tab.removeSelected);

        RemoveMembersDialog dialog = _get(RemoveMembersDialog.class);
        assertThat(dialog.exclude.getValue()).as("excluded unless the user says otherwise").isTrue();
        assertThat(dialog.getElement().getTextRecursively()).contains("excluded contacts stay out");
        _setValue(dialog.exclude, false);
        assertThat(dialog.getElement().getTextRecursively())
                .contains("contacts that still match its rules come back at the next rebuild unless excluded");
        _click(dialog.remove);

        expectNotifications("Removed 1 member from Everyone. Every contact stays in LeadCRM.");
        assertThat(data.members(list)).containsExactly(alan);
        assertThat(data.exclusions(list)).isEmpty();
    }

    @Test
    void the_remove_action_follows_the_selection() {
        MembersTab tab = open(Role.MARKETING_MANAGER);
        assertThat(tab.removeSelected.isEnabled()).as("nothing ticked").isFalse();
        assertThat(tab.removeSelected.getText()).isEqualTo("Remove from list…");
        tick(tab, "Turing");
        assertThat(tab.removeSelected.isEnabled()).isTrue();
        _setValue(tab.allMatching, true);
        assertThat(tab.members.getSelectedItems()).as("ticking all matching clears the ticked rows").isEmpty();
        assertThat(tab.removeSelected.getText()).isEqualTo("Remove 3 from list…");
        _setValue(tab.memberSearch, "nobody");
        assertThat(tab.allMatching.getValue()).as("a new search clears the selection").isFalse();
        _setValue(tab.allMatching, true);
        assertThat(tab.removeSelected.isEnabled()).as("all of none matching").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void other_roles_can_neither_select_nor_remove_members(Role role) {
        MembersTab tab = open(role);

        assertThat(tab.members.getSelectionModel()).isNotInstanceOf(GridMultiSelectionModel.class);
        assertThat(tab.removeSelected.isAttached()).isFalse();
        assertThat(tab.allMatching.isAttached()).isFalse();
    }
}
