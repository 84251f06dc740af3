package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.list.ListChoice;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/** Bulk Edit in the Contact Manager: ticked rows or all matching the filter, into a list. */
class BulkEditFlowTest extends KaribuTest {

    BulkEditFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ContactManagerView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        return _get(ContactManagerView.class);
    }

    @Test
    void ticked_rows_go_into_an_existing_list_and_excluded_ones_are_skipped() {
        long list = data.manualList("Webinar");
        long ada = data.contact("Ada", "Lovelace");
        long alan = data.contact("Alan", "Turing");
        long grace = data.contact("Grace", "Hopper");
        data.contact("Not", "Ticked");
        data.addMembers(list, alan);
        data.exclude(list, grace);
        ContactManagerView view = open(Role.MARKETING_MANAGER);

        for (int row = 0; row < _size(view.grid); row++) {
            if (!_get(view.grid, row).lastName().equals("Ticked")) {
                view.grid.select(_get(view.grid, row));
            }
        }
        assertThat(view.addToList.getText()).isEqualTo("Add 3 to list…");
        _click(view.addToList);
        BulkEditDialog dialog = _get(BulkEditDialog.class);
        ListChoice webinar = dialog.existing.getListDataView().getItems().toList().stream().filter(c -> c.id() == list).findFirst().orElseThrow();
        _setValue(dialog.existing, webinar);
        _click(dialog.add);

        expectNotifications("Added 1 to Webinar; 1 already on it, 1 skipped as excluded.");
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, alan);
        assertThat(data.exclusions(list)).containsExactly(grace);
    }

    @Test
    void all_contacts_matching_the_filter_go_into_a_new_manual_list() {
        Set<Long> leads = Set.of(
                data.contact().name("Lead", "One").status(ContactStatus.LEAD).create(),
                data.contact().name("Lead", "Two").status(ContactStatus.LEAD).create(),
                data.contact().name("Lead", "Three").status(ContactStatus.LEAD).create());
        data.contact().name("Happy", "Customer").status(ContactStatus.CUSTOMER).create();
        ContactManagerView view = open(Role.ADMIN);

        _setValue(view.status, ContactStatus.LEAD);
        _setValue(view.allMatching, true);
        _click(view.addToList);
        BulkEditDialog dialog = _get(BulkEditDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Bulk Edit: add 3 contacts to a list");
        _setValue(dialog.target, "A new manual list");
        _setValue(dialog.newName, "Leads to call");
        _click(dialog.add);

        expectNotifications("Added 3 to Leads to call; 0 already on it, 0 skipped as excluded.");
        // the list filter offers the new list at once
        long newList = view.list.getListDataView().getItems()
                .filter(choice -> choice.name().equals("Leads to call")).findFirst().orElseThrow().id();
        assertThat(data.members(newList)).isEqualTo(leads);
    }

    @Test
    void a_new_list_needs_a_name_that_is_not_taken() {
        data.manualList("Webinar");
        data.contact("Ada", "Lovelace");
        ContactManagerView view = open(Role.COMPANY_MANAGER);
        _setValue(view.allMatching, true);
        _click(view.addToList);
        BulkEditDialog dialog = _get(BulkEditDialog.class);
        _setValue(dialog.target, "A new manual list");

        _click(dialog.add);
        assertThat(dialog.newName.getErrorMessage()).isEqualTo("Enter a name for the list");

        _setValue(dialog.newName, "webinar");
        _click(dialog.add);
        assertThat(dialog.newName.getErrorMessage()).isEqualTo("A list with this name already exists");
        assertThat(dialog.isOpened()).isTrue();
    }
}
