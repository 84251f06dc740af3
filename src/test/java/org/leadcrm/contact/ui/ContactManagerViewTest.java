package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sort;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

class ContactManagerViewTest extends KaribuTest {

    ContactManagerViewTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ContactManagerView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        return _get(ContactManagerView.class);
    }

    private static List<String> names(ContactManagerView view) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < _size(view.grid); i++) {
            names.add(_get(view.grid, i).fullName());
        }
        return names;
    }

    @Test
    void shows_every_contact_with_the_number_of_contacts() {
        data.contact("Ada", "Lovelace");
        data.contact("Alan", "Turing");
        data.contact("Grace", "Hopper");

        ContactManagerView view = open(Role.SALESPERSON);

        assertThat(_size(view.grid)).isEqualTo(3);
        assertThat(view.matchCount.getText()).isEqualTo("3 contacts");
        assertThat(names(view)).containsExactly("Grace Hopper", "Ada Lovelace", "Alan Turing");
    }

    @Test
    void searching_narrows_the_rows_to_matching_names_emails_and_companies() {
        data.contact().name("Ada", "Lovelace").company("Analytical Engines").create();
        data.contact().name("Alan", "Turing").company("Bletchley").create();
        data.contact().name("Grace", "Hopper").email("grace@navy.example").create();
        ContactManagerView view = open(Role.MARKETING_MANAGER);

        _setValue(view.search, "tur");
        assertThat(names(view)).containsExactly("Alan Turing");
        assertThat(view.matchCount.getText()).isEqualTo("1 contact matching");

        _setValue(view.search, "ANALYTICAL");
        assertThat(names(view)).containsExactly("Ada Lovelace");

        _setValue(view.search, "grace@");
        assertThat(names(view)).containsExactly("Grace Hopper");

        _setValue(view.search, "");
        assertThat(_size(view.grid)).isEqualTo(3);
    }

    @Test
    void filtering_by_status_shows_only_that_status() {
        data.contact().name("Ada", "Lovelace").status(ContactStatus.CUSTOMER).create();
        data.contact().name("Alan", "Turing").status(ContactStatus.LEAD).create();
        ContactManagerView view = open(Role.SALES_MANAGER);

        _setValue(view.status, ContactStatus.CUSTOMER);

        assertThat(names(view)).containsExactly("Ada Lovelace");
    }

    @Test
    void sorting_by_lead_score_sorts_the_rows_both_ways() {
        data.contact().name("Low", "Score").score(10).create();
        data.contact().name("High", "Score").score(90).create();
        data.contact().name("Mid", "Score").score(50).create();
        ContactManagerView view = open(Role.ADMIN);

        _sort(view.grid, new QuerySortOrder("score", SortDirection.DESCENDING));
        assertThat(names(view)).containsExactly("High Score", "Mid Score", "Low Score");

        _sort(view.grid, new QuerySortOrder("score", SortDirection.ASCENDING));
        assertThat(names(view)).containsExactly("Low Score", "Mid Score", "High Score");
    }

    @Test
    void a_jr_salesperson_sees_only_the_leads_assigned_to_them() {
        UserSummary junior = data.user(Role.JR_SALESPERSON);
        UserSummary other = data.user(Role.SALESPERSON);
        data.contact().name("Mine", "One").owner(junior.id()).create();
        data.contact().name("Mine", "Two").owner(junior.id()).create();
        data.contact().name("Not", "Mine").owner(other.id()).create();
        data.contact().name("No", "Owner").create();

        ContactManagerView view = open(Role.JR_SALESPERSON);

        assertThat(names(view)).containsExactlyInAnyOrder("Mine One", "Mine Two");
        assertThat(view.owner.isVisible()).isFalse();
    }

    @Test
    void roles_that_may_not_bulk_edit_or_delete_do_not_get_those_actions() {
        data.contact("Ada", "Lovelace");
        for (Role role : List.of(Role.SALES_MANAGER, Role.SALESPERSON, Role.JR_SALESPERSON)) {
            ContactManagerView view = open(role);
            assertThat(view.addToList.isVisible()).as("Add to list for %s", role).isFalse();
            assertThat(view.deleteSelected.isVisible()).as("Delete for %s", role).isFalse();
            assertThat(view.grid.getColumnByKey("actions")).as("row delete for %s", role).isNull();
        }
        ContactManagerView marketing = open(Role.MARKETING_MANAGER);
        assertThat(marketing.addToList.isVisible()).isTrue();
        assertThat(marketing.deleteSelected.isVisible()).isFalse();
    }

    @Test
    void the_number_of_matching_contacts_follows_the_filter_and_select_all_names_it() {
        data.contact().name("Ada", "Lovelace").status(ContactStatus.CUSTOMER).create();
        data.contact().name("Alan", "Turing").status(ContactStatus.LEAD).create();
        data.contact().name("Grace", "Hopper").status(ContactStatus.LEAD).create();
        ContactManagerView view = open(Role.ADMIN);

        _setValue(view.status, ContactStatus.LEAD);

        assertThat(view.matchCount.getText()).isEqualTo("2 contacts matching");
        assertThat(view.allMatching.getLabel()).isEqualTo("Select all 2 matching");
        assertThat(view.addToList.isEnabled()).isFalse();
        _setValue(view.allMatching, true);
        assertThat(view.addToList.isEnabled()).isTrue();
    }
}
