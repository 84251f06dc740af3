package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadcrm.base.ui.CountConfirm.cancel;
import static org.leadcrm.base.ui.CountConfirm.countsShown;
import static org.leadcrm.base.ui.CountConfirm.delete;
import static org.leadcrm.base.ui.CountConfirm.isCounting;
import static org.leadcrm.base.ui.CountConfirm.typedCount;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.CountConfirm;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * Deleting many contacts from the Contact Manager (PRODUCT.md, "Beyond the seed"): ticked rows or
 * all matching the filter, through the same count-match confirmation as a list's permanent delete.
 * One ticked lead still goes through the named confirmation of "Deleting one lead".
 */
class DeleteContactsFlowTest extends KaribuTest {

    private long ada;
    private long alan;
    private long sam;
    private long carl;
    private long list;
    private long adasDeal;
    private long sharedDeal;

    DeleteContactsFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void leadsACustomerAListAndOpportunities() {
        ada = data.contact().name("Ada", "Lovelace").status(ContactStatus.LEAD).create();
        alan = data.contact().name("Alan", "Turing").status(ContactStatus.LEAD).create();
        sam = data.contact().name("Sam", "Synced").status(ContactStatus.LEAD).synced(CrmSystem.SALESFORCE).create();
        carl = data.contact().name("Carl", "Customer").status(ContactStatus.CUSTOMER).create();
        list = data.manualList("Webinar");
        data.addMembers(list, ada, carl);
        adasDeal = data.opportunity("Ada's deal", ada);
        sharedDeal = data.opportunity("Shared deal", alan, carl);
    }

    private ContactManagerView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        return _get(ContactManagerView.class);
    }

    private static void tick(ContactManagerView view, String... lastNames) {
        Set<String> wanted = Set.of(lastNames);
        for (int row = 0; row < _size(view.grid); row++) {
            if (wanted.contains(_get(view.grid, row).lastName())) {
                view.grid.select(_get(view.grid, row));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER"})
    void all_matching_the_filter_are_deleted_after_the_right_count_and_synced_ones_stay(Role role) {
        ContactManagerView view = open(role);
        _setValue(view.status, ContactStatus.LEAD);
        _setValue(view.allMatching, true);
        assertThat(view.deleteSelected.getText()).isEqualTo("Delete 3 matching…");
        _click(view.deleteSelected);

        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delete all contacts matching the filter?");
        assertThat(dialog.getElement().getTextRecursively()).contains(
                "every contact matching the filter (status Lead)", "cannot be undone",
                "Contacts selected: 3", "Synced with Salesforce or SugarCRM, kept: 1", "Contacts deleted: 2",
                "Opportunities deleted with their only lead: 1");

        for (String wrong : List.of("2", "4", "three", "-3", "3.0")) {
            _setValue(typedCount(dialog), wrong);
            assertThat(delete(dialog).isEnabled()).as("Delete enabled after typing '%s'", wrong).isFalse();
            assertThat(typedCount(dialog).isInvalid()).as("error shown for '%s'", wrong).isTrue();
        }
        assertThat(typedCount(dialog).getErrorMessage()).isEqualTo("Type a whole number of contacts.");
        _setValue(typedCount(dialog), "2");
        assertThat(typedCount(dialog).getErrorMessage()).isEqualTo("That is not the number of contacts selected.");
        assertThat(data.contactIds()).contains(ada, alan);

        _setValue(typedCount(dialog), "3");
        _click(delete(dialog));

        expectNotifications("Deleted 2 contacts, kept 1 synced, deleted 1 opportunity.");
        assertThat(data.contactIds()).containsExactlyInAnyOrder(sam, carl);
        assertThat(data.members(list)).containsExactly(carl);
        assertThat(data.opportunityExists(adasDeal)).isFalse();
        assertThat(data.opportunityLeads(sharedDeal)).containsExactly(carl);
        assertThat(view.allMatching.getValue()).as("the selection is cleared").isFalse();
        assertThat(view.matchCount.getText()).isEqualTo("1 contact matching");
    }

    @Test
    void several_ticked_rows_are_deleted_through_the_count_confirmation() {
        ContactManagerView view = open(Role.ADMIN);
        tick(view, "Lovelace", "Synced", "Customer");
        assertThat(view.deleteSelected.getText()).isEqualTo("Delete 3…");
        _click(view.deleteSelected);

        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delete 3 selected contacts?");
        assertThat(dialog.getElement().getTextRecursively()).contains("the 3 selected contacts",
                "Contacts selected: 3", "Contacts deleted: 2", "Opportunities deleted with their only lead: 1");
        _setValue(typedCount(dialog), "3");
        _click(delete(dialog));

        expectNotifications("Deleted 2 contacts, kept 1 synced, deleted 1 opportunity.");
        assertThat(data.contactIds()).containsExactlyInAnyOrder(alan, sam);
        assertThat(data.opportunityLeads(sharedDeal)).containsExactly(alan);
        assertThat(view.grid.getSelectedItems()).isEmpty();
    }

    @Test
    void one_ticked_lead_is_still_deleted_by_name() {
        ContactManagerView view = open(Role.ADMIN);
        tick(view, "Turing");
        assertThat(view.deleteSelected.getText()).isEqualTo("Delete");
        _click(view.deleteSelected);

        _get(DeleteLeadDialog.class);
        _assertNone(CountConfirmDialog.class);
    }

    @Test
    void a_contact_that_starts_matching_while_confirming_deletes_nothing_and_says_so() {
        ContactManagerView view = open(Role.ADMIN);
        _setValue(view.status, ContactStatus.LEAD);
        _setValue(view.allMatching, true);
        _click(view.deleteSelected);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        long latecomer = data.contact().name("Late", "Comer").status(ContactStatus.LEAD).create(); // someone else adds a lead
        _setValue(typedCount(dialog), "3");
        _click(delete(dialog));

        expectNotifications("The contacts selected changed while you were confirming — look again. 4 now match. "
                + "Nothing was deleted.");
        assertThat(data.contactIds()).containsExactlyInAnyOrder(ada, alan, sam, carl, latecomer);
        assertThat(data.opportunityExists(adasDeal)).isTrue();
    }

    @Test
    void over_a_thousand_matching_are_deleted_by_typing_the_count_as_the_page_shows_it() {
        data.wipe();
        data.contacts(1_234);
        data.contact().name("Sid", "Synced").synced(CrmSystem.SUGARCRM).create();
        ContactManagerView view = open(Role.ADMIN);
        _setValue(view.allMatching, true);
        _click(view.deleteSelected);
        CountConfirmDialog<?> dialog = countsShown(_get(CountConfirmDialog.class));
        assertThat(dialog.getElement().getTextRecursively()).contains("every contact (no filter is set)",
                "Contacts selected: 1,235", "Contacts deleted: 1,234");

        _setValue(typedCount(dialog), "1,23,5");
        assertThat(typedCount(dialog).getErrorMessage())
                .isEqualTo("Type the number as it is shown, like 1,235, or digits only, like 1235.");
        _setValue(typedCount(dialog), " 1,235 ");
        assertThat(delete(dialog).isEnabled()).isTrue();
        _click(delete(dialog));

        expectNotifications("Deleted 1,234 contacts, kept 1 synced, deleted 0 opportunities.");
        assertThat(data.count("contact")).isEqualTo(1);
    }

    @Test
    void the_confirmation_opens_at_once_with_its_counts_pending_and_cancel_deletes_nothing() {
        ContactManagerView view = open(Role.ADMIN);
        tick(view, "Lovelace", "Turing");
        _click(view.deleteSelected);
        CountConfirmDialog<?> dialog = _get(CountConfirmDialog.class);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(delete(dialog).isEnabled()).isFalse();
        // The worker may already have handed over its counts when the click's round trip ended.
        if (isCounting(dialog)) {
            assertThat(dialog.getElement().getTextRecursively()).contains("Contacts selected: " + CountConfirm.COUNTING);
            assertThat(typedCount(dialog).isEnabled()).isFalse();
        }
        _click(cancel(dialog));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(data.contactIds()).contains(ada, alan);
    }

    @Test
    void the_delete_action_follows_the_selection() {
        ContactManagerView view = open(Role.COMPANY_MANAGER);
        assertThat(view.deleteSelected.isEnabled()).as("nothing ticked").isFalse();
        tick(view, "Synced");
        assertThat(view.deleteSelected.isEnabled()).as("one synced contact").isFalse();
        tick(view, "Lovelace");
        assertThat(view.deleteSelected.isEnabled()).as("two, one of them synced").isTrue();
        view.grid.deselectAll();
        _setValue(view.search, "nobody at all");
        _setValue(view.allMatching, true);
        assertThat(view.deleteSelected.isEnabled()).as("all of none matching").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void other_roles_get_no_delete_action(Role role) {
        ContactManagerView view = open(role);
        assertThat(view.deleteSelected.isVisible()).isFalse();
        assertThat(view.allMatching.isVisible()).as("select all, for Bulk Edit or export")
                .isEqualTo(role == Role.MARKETING_MANAGER || role == Role.SALES_MANAGER);
    }
}
