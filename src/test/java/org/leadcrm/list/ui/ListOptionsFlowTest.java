package org.leadcrm.list.ui;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.leadcrm.base.ui.CountConfirm.cancel;
import static org.leadcrm.base.ui.CountConfirm.countsShown;
import static org.leadcrm.base.ui.CountConfirm.delete;
import static org.leadcrm.base.ui.CountConfirm.isCounting;
import static org.leadcrm.base.ui.CountConfirm.typedCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.CountConfirm;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * The five items of a list's Options menu, used the way a manager would: from the Lists grid and
 * from the list's page, through their confirmations, with what stays and what goes checked in the
 * database afterwards.
 */
class ListOptionsFlowTest extends KaribuTest {

    private long list;
    private long otherList;
    private long ada;
    private long alan;
    private long synced;
    private long excluded;
    private long outsider;
    private long onlyAdasDeal;
    private long sharedDeal;

    ListOptionsFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void aListWithMembersExclusionsAndOpportunities() {
        list = data.manualList("Webinar");
        otherList = data.manualList("Newsletter");
        ada = data.contact("Ada", "Lovelace");
        alan = data.contact("Alan", "Turing");
        synced = data.contact().name("Sam", "Synced").synced(CrmSystem.SALESFORCE).create();
        excluded = data.contact("Eve", "Excluded");
        outsider = data.contact("Olga", "Outsider");
        data.addMembers(list, ada, alan, synced);
        data.addMembers(otherList, alan, outsider);
        data.exclude(list, excluded);
        onlyAdasDeal = data.opportunity("Ada's deal", ada);
        sharedDeal = data.opportunity("Shared deal", alan, outsider);
    }

    private ListOptionsMenu optionsInListsGrid(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListsView.class);
        ListsView view = _get(ListsView.class);
        // Lists are sorted by name: Newsletter, Webinar
        return (ListOptionsMenu) _getCellComponent(view.grid, 1, "options");
    }

    private ListOptionsMenu optionsOnListPage(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListView.class, list);
        return _get(_get(ListView.class), ListOptionsMenu.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER"})
    void remove_all_contacts_empties_the_list_and_its_exclusions_and_keeps_every_contact(Role role) {
        _clickItemWithCaption(optionsInListsGrid(role), ListOptionsMenu.REMOVE_ALL);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getHeaderTitle()).isEqualTo("Remove All Contacts?");
        _click(confirm.confirm);

        expectNotifications("Removed 3 contacts from Webinar; cleared 1 exclusion.");
        assertThat(data.members(list)).isEmpty();
        assertThat(data.exclusions(list)).isEmpty();
        assertThat(data.contactIds()).contains(ada, alan, synced, excluded, outsider);
        assertThat(data.members(otherList)).containsExactlyInAnyOrder(alan, outsider);
        assertThat(data.opportunityExists(onlyAdasDeal)).isTrue();
        assertThat(data.listExists(list)).isTrue();
    }

    @Test
    void remove_all_keep_exclusions_empties_the_list_but_keeps_its_exclusions() {
        _clickItemWithCaption(optionsOnListPage(Role.ADMIN), ListOptionsMenu.REMOVE_ALL_KEEP);
        _click(_get(ConfirmDialog.class).confirm);

        expectNotifications("Removed 3 contacts from Webinar; exclusions kept.");
        assertThat(data.members(list)).isEmpty();
        assertThat(data.exclusions(list)).containsExactly(excluded);
        assertThat(data.contactIds()).contains(ada, alan, synced, excluded, outsider);
    }

    @Test
    void cancelling_a_confirmation_changes_nothing() {
        _clickItemWithCaption(optionsInListsGrid(Role.ADMIN), ListOptionsMenu.REMOVE_ALL);
        _click(_get(ConfirmDialog.class).cancel);

        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, alan, synced);
        assertThat(data.exclusions(list)).containsExactly(excluded);
    }

    @Test
    void remove_all_on_a_rule_based_list_says_matching_contacts_come_back_at_the_next_rebuild() {
        data.wipe();
        list = data.ruleBasedList("Everyone", org.leadcrm.list.ListRules.NONE);
        _clickItemWithCaption(optionsOnListPage(Role.ADMIN), ListOptionsMenu.REMOVE_ALL);
        ConfirmDialog confirm = _get(ConfirmDialog.class);

        assertThat(confirm.getElement().getTextRecursively()).contains("come back at the next rebuild");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER"})
    void permanently_delete_all_contacts_deletes_the_non_synced_members_everywhere_after_the_right_count(Role role) {
        _clickItemWithCaption(optionsInListsGrid(role), ListOptionsMenu.DELETE_ALL);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        String text = dialog.getElement().getTextRecursively();
        assertThat(text).contains("Contacts in the list: 3", "Synced with Salesforce or SugarCRM, kept: 1",
                "Opportunities deleted with their only lead: 1");

        for (String wrong : List.of("", "abc", "-3", "+3", "3 3", "2", "4", "3.0", "3,0", "0,003", "99999999999999999999")) {
            _setValue(typedCount(dialog), wrong);
            assertThat(delete(dialog).isEnabled()).as("Delete enabled after typing '%s'", wrong).isFalse();
            if (!wrong.isEmpty()) {
                assertThat(typedCount(dialog).isInvalid()).as("error shown for '%s'", wrong).isTrue();
                assertThat(typedCount(dialog).getErrorMessage()).isNotBlank();
            }
        }
        assertThat(data.members(list)).hasSize(3);

        _setValue(typedCount(dialog), " 3 ");
        assertThat(delete(dialog).isEnabled()).as("spaces around the number are ignored").isTrue();
        _setValue(typedCount(dialog), "3");
        assertThat(delete(dialog).isEnabled()).isTrue();
        _click(delete(dialog));

        expectNotifications("Deleted 2 contacts, kept 1 synced, deleted 1 opportunity.");
        assertThat(data.contactIds()).doesNotContain(ada, alan).contains(synced, excluded, outsider);
        assertThat(data.members(list)).containsExactly(synced);
        assertThat(data.members(otherList)).containsExactly(outsider);
        assertThat(data.listExists(list)).isTrue();
        assertThat(data.opportunityExists(onlyAdasDeal)).isFalse();
        assertThat(data.opportunityLeads(sharedDeal)).containsExactly(outsider);
    }

    @Test
    void the_confirmation_opens_at_once_with_its_counts_pending_and_delete_disabled_until_they_are_in() {
        _clickItemWithCaption(optionsInListsGrid(Role.ADMIN), ListOptionsMenu.DELETE_ALL);
        CountConfirmDialog<?> dialog = _get(CountConfirmDialog.class);

        // The counts are read on a worker thread; the page gets them at its next round trip.
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getElement().getTextRecursively()).contains("Contacts in the list: " + CountConfirm.COUNTING);
        assertThat(typedCount(dialog).isEnabled()).isFalse();
        assertThat(delete(dialog).isEnabled()).isFalse();
        assertThat(cancel(dialog).isEnabled()).isTrue();

        countsShown(dialog);
        assertThat(dialog.getElement().getTextRecursively()).contains("Contacts in the list: 3")
                .doesNotContain(CountConfirm.COUNTING);
        assertThat(typedCount(dialog).isEnabled()).isTrue();
    }

    @Test
    void cancel_while_counting_closes_the_confirmation_and_deletes_nothing() {
        _clickItemWithCaption(optionsInListsGrid(Role.ADMIN), ListOptionsMenu.DELETE_ALL);
        CountConfirmDialog<?> dialog = _get(CountConfirmDialog.class);
        assertThat(isCounting(dialog)).isTrue();

        _click(cancel(dialog));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(data.members(list)).hasSize(3);
    }

    @Test
    void a_list_of_over_a_thousand_is_deleted_by_typing_its_count_as_the_page_shows_it() {
        data.wipe();
        list = data.manualList("Trade fair");
        data.addMembers(list, data.contacts(1_234));
        _clickItemWithCaption(optionsOnListPage(Role.ADMIN), ListOptionsMenu.DELETE_ALL);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        assertThat(dialog.getElement().getTextRecursively()).contains("Contacts in the list: 1,234");

        _setValue(typedCount(dialog), "1,23,4");
        assertThat(delete(dialog).isEnabled()).as("Delete enabled after a wrong grouping").isFalse();
        assertThat(typedCount(dialog).getErrorMessage())
                .isEqualTo("Type the number as it is shown, like 1,234, or digits only, like 1234.");
        _setValue(typedCount(dialog), "1234");
        assertThat(delete(dialog).isEnabled()).as("Delete enabled after plain digits").isTrue();
        _setValue(typedCount(dialog), " 1,234 ");
        assertThat(delete(dialog).isEnabled()).as("Delete enabled after the count as shown").isTrue();
        _click(delete(dialog));

        expectNotifications("Deleted 1,234 contacts, kept 0 synced, deleted 0 opportunities.");
        assertThat(data.members(list)).isEmpty();
        assertThat(data.count("contact")).isZero();
    }

    @Test
    void permanently_delete_all_contacts_and_list_deletes_the_list_too() {
        _clickItemWithCaption(optionsOnListPage(Role.COMPANY_MANAGER), ListOptionsMenu.DELETE_ALL_AND_LIST);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        _setValue(typedCount(dialog), "3");
        _click(delete(dialog));

        expectNotifications("Deleted 2 contacts, kept 1 synced, deleted 1 opportunity, and the list Webinar.");
        assertThat(data.listExists(list)).isFalse();
        assertThat(data.contactIds()).doesNotContain(ada, alan).contains(synced, excluded, outsider);
        assertThat(data.exclusions(list)).isEmpty();
        _get(ListsView.class);
    }

    @Test
    void a_list_that_changed_while_confirming_deletes_nothing_and_says_so() {
        _clickItemWithCaption(optionsInListsGrid(Role.ADMIN), ListOptionsMenu.DELETE_ALL);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        data.addMembers(list, outsider); // someone else adds a member meanwhile
        _setValue(typedCount(dialog), "3");
        _click(delete(dialog));

        expectNotifications("The list changed while you were confirming — look again. It now has 4 contacts. Nothing was deleted.");
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, alan, synced, outsider);
        assertThat(data.contactIds()).contains(ada, alan, synced, outsider);
        assertThat(data.opportunityExists(onlyAdasDeal)).isTrue();
    }

    @Test
    void delete_list_deletes_the_list_and_keeps_every_contact() {
        _clickItemWithCaption(optionsInListsGrid(Role.ADMIN), ListOptionsMenu.DELETE_LIST);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getTextRecursively()).contains("Every contact stays");
        _click(confirm.confirm);

        expectNotifications("Deleted the list Webinar. Its 3 contacts stay in LeadCRM.");
        assertThat(data.listExists(list)).isFalse();
        assertThat(data.contactIds()).contains(ada, alan, synced, excluded, outsider);
        assertThat(data.opportunityExists(onlyAdasDeal)).isTrue();
        assertThat(data.members(otherList)).containsExactlyInAnyOrder(alan, outsider);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void other_roles_get_no_options_menu_anywhere(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListsView.class);
        assertThat(_get(ListsView.class).grid.getColumnByKey("options")).isNull();
        _assertNone(ListOptionsMenu.class);

        UI.getCurrent().navigate(ListView.class, list);
        _get(ListView.class);
        assertThat(_find(ListOptionsMenu.class)).isEmpty();
    }
}
