package org.leadcrm.list.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.list.ListRules;
import org.leadcrm.list.ListSummary;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

class ListsViewTest extends KaribuTest {

    ListsViewTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ListsView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListsView.class);
        return _get(ListsView.class);
    }

    @Test
    void the_grid_shows_each_list_with_its_kind_and_counts() {
        long webinar = data.manualList("Webinar");
        long vips = data.ruleBasedList("VIPs", new ListRules(null, null, null, ContactStatus.CUSTOMER, null, null, null, null, null));
        List<Long> contacts = data.contacts(3);
        data.addMembers(webinar, contacts.get(0), contacts.get(1));
        data.exclude(webinar, contacts.get(2));
        data.addRuleMembers(vips, List.of(contacts.get(0)));

        ListsView view = open(Role.SALESPERSON);

        assertThat(_size(view.grid)).isEqualTo(2);
        ListSummary vipRow = _get(view.grid, 0);
        ListSummary webinarRow = _get(view.grid, 1);
        assertThat(vipRow.name()).isEqualTo("VIPs");
        assertThat(vipRow.kind()).isEqualTo("Rule-based");
        assertThat(vipRow.memberCount()).isEqualTo(1);
        assertThat(webinarRow.kind()).isEqualTo("Manual");
        assertThat(webinarRow.memberCount()).isEqualTo(2);
        assertThat(webinarRow.exclusionCount()).isEqualTo(1);
    }

    @Test
    void creating_a_list_through_the_dialog_shows_it_in_the_grid() {
        ListsView view = open(Role.MARKETING_MANAGER);
        _click(view.newList);
        ListFormDialog dialog = _get(ListFormDialog.class);
        _setValue(dialog.name, "Trade fair 2026");
        _setValue(dialog.description, "Met at the booth");
        _click(dialog.save);

        expectNotifications("Created the list Trade fair 2026.");
        assertThat(_size(view.grid)).isEqualTo(1);
        ListSummary created = _get(view.grid, 0);
        assertThat(created.name()).isEqualTo("Trade fair 2026");
        assertThat(created.manual()).isTrue();
        assertThat(created.createdBy()).isEqualTo(TestData.usernameOf(Role.MARKETING_MANAGER));
    }

    @Test
    void a_rule_based_list_applied_to_existing_contacts_fills_from_its_rules() {
        data.contact().country("Germany").create();
        data.contact().country("Germany").create();
        data.contact().country("France").create();
        ListsView view = open(Role.ADMIN);
        _click(view.newList);
        ListFormDialog dialog = _get(ListFormDialog.class);
        _setValue(dialog.name, "DACH");
        _setValue(dialog.manual, false);
        _setValue(dialog.country, "germany");
        _click(dialog.save);

        assertThat(_get(view.grid, 0).memberCount()).isEqualTo(2);
        assertThat(_get(view.grid, 0).manual()).isFalse();
    }

    @Test
    void a_duplicate_name_is_refused_next_to_the_field_in_any_case() {
        data.manualList("Newsletter");
        ListsView view = open(Role.COMPANY_MANAGER);
        _click(view.newList);
        ListFormDialog dialog = _get(ListFormDialog.class);
        _setValue(dialog.name, "  NEWSLETTER ");
        _click(dialog.save);

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).contains("already exists");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void a_blank_name_is_refused_next_to_the_field() {
        ListsView view = open(Role.ADMIN);
        _click(view.newList);
        ListFormDialog dialog = _get(ListFormDialog.class);
        _setValue(dialog.name, "   ");
        _click(dialog.save);

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter a name for the list");
        assertThat(_size(view.grid)).isZero();
    }

    @Test
    void a_lead_score_range_that_ends_before_it_starts_is_refused() {
        ListsView view = open(Role.ADMIN);
        _click(view.newList);
        ListFormDialog dialog = _get(ListFormDialog.class);
        _setValue(dialog.name, "Hot");
        _setValue(dialog.manual, false);
        _setValue(dialog.minScore, 80);
        _setValue(dialog.maxScore, 20);
        _click(dialog.save);

        assertThat(dialog.maxScore.isInvalid()).isTrue();
        assertThat(_size(view.grid)).isZero();
    }

    @Test
    void only_roles_that_may_manage_lists_get_new_list_and_only_managers_get_options() {
        data.manualList("Newsletter");
        for (Role role : Role.values()) {
            ListsView view = open(role);
            boolean manages = role == Role.ADMIN || role == Role.COMPANY_MANAGER || role == Role.MARKETING_MANAGER;
            boolean deletes = role == Role.ADMIN || role == Role.COMPANY_MANAGER;
            assertThat(view.newList.isVisible()).as("New List for %s", role).isEqualTo(manages);
            assertThat(view.grid.getColumnByKey("options") != null).as("Options for %s", role).isEqualTo(deletes);
            if (deletes) {
                assertThat(_getCellComponent(view.grid, 0, "options")).isInstanceOf(ListOptionsMenu.class);
            }
        }
    }
}
