package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/** Deleting one lead from the Contact Manager (PRODUCT.md, "Deleting one lead"). */
class DeleteLeadFlowTest extends KaribuTest {

    private long ada;
    private long alan;
    private long list;
    private long adasOwnDeal;
    private long sharedDeal;

    DeleteLeadFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void aLeadWithListsAndOpportunities() {
        ada = data.contact("Ada", "Lovelace");
        alan = data.contact("Alan", "Turing");
        list = data.manualList("Webinar");
        long other = data.manualList("Newsletter");
        data.addMembers(list, ada, alan);
        data.exclude(other, ada);
        adasOwnDeal = data.opportunity("Analytical Engine", ada);
        sharedDeal = data.opportunity("Enigma", ada, alan);
    }

    private ContactManagerView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        return _get(ContactManagerView.class);
    }

    private static int rowOf(ContactManagerView view, String lastName) {
        for (int row = 0; row < _size(view.grid); row++) {
            if (_get(view.grid, row).lastName().equals(lastName)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + lastName);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER"})
    void deleting_a_lead_names_it_and_its_only_opportunities_then_deletes_them(Role role) {
        ContactManagerView view = open(role);
        Button delete = (Button) _getCellComponent(view.grid, rowOf(view, "Lovelace"), "actions");
        _click(delete);

        DeleteLeadDialog dialog = _get(DeleteLeadDialog.class);
        String text = dialog.getElement().getTextRecursively();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delete Ada Lovelace?");
        assertThat(text).contains("permanently", "cannot be undone", "Analytical Engine").doesNotContain("Enigma");
        _click(dialog.delete);

        expectNotifications("Deleted Ada Lovelace and 1 opportunity.");
        assertThat(data.contactExists(ada)).isFalse();
        assertThat(data.opportunityExists(adasOwnDeal)).isFalse();
        assertThat(data.opportunityLeads(sharedDeal)).containsExactly(alan);
        assertThat(data.members(list)).containsExactly(alan);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void cancel_is_the_default_and_deletes_nothing() {
        ContactManagerView view = open(Role.ADMIN);
        view.grid.select(_get(view.grid, rowOf(view, "Lovelace")));
        assertThat(view.deleteSelected.isEnabled()).isTrue();
        _click(view.deleteSelected);

        DeleteLeadDialog dialog = _get(DeleteLeadDialog.class);
        assertThat(dialog.cancel.getThemeNames()).contains("primary");
        _click(dialog.cancel);

        assertThat(data.contactExists(ada)).isTrue();
        assertThat(data.opportunityExists(adasOwnDeal)).isTrue();
    }

    @Test
    void a_synced_lead_cannot_be_deleted_and_says_why() {
        data.contact().name("Sam", "Synced").synced(CrmSystem.SALESFORCE).create();
        ContactManagerView view = open(Role.ADMIN);
        int row = rowOf(view, "Synced");

        Button delete = (Button) _getCellComponent(view.grid, row, "actions");
        assertThat(delete.isEnabled()).isFalse();
        assertThat(delete.getTooltip().getText()).isEqualTo("Synced with Salesforce — delete it there");

        view.grid.select(_get(view.grid, row));
        assertThat(view.deleteSelected.isEnabled()).isFalse();
        assertThat(view.deleteSelected.getTooltip().getText()).isEqualTo("Synced with Salesforce — delete it there");
    }

    @Test
    void a_lead_deleted_meanwhile_by_someone_else_gets_a_clear_message() {
        ContactManagerView view = open(Role.ADMIN);
        ContactRow row = _get(view.grid, rowOf(view, "Lovelace"));
        _click((Button) _getCellComponent(view.grid, rowOf(view, "Lovelace"), "actions"));
        DeleteLeadDialog dialog = _get(DeleteLeadDialog.class);
        bean(LeadDeletionService.class).deleteLead(row.id()); // another administrator was quicker

        _click(dialog.delete);

        expectNotifications("This contact no longer exists. Someone else may have deleted it.");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void other_roles_do_not_get_the_delete_action(Role role) {
        ContactManagerView view = open(role);
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(view.deleteSelected.isVisible()).isFalse();
    }
}
