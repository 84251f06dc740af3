package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/** A contact's page (PRODUCT.md, "A contact's page and form"), reached from the Contact Manager. */
class ContactPageFlowTest extends KaribuTest {

    private UserSummary jr;
    private long ada;
    private long othersLead;
    private long synced;

    ContactPageFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void aContactWithListsAndAnOpportunity() {
        jr = data.user(Role.JR_SALESPERSON);
        UserSummary sam = data.user("sam", Role.SALESPERSON);
        ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Analytical Engines")
                .city("London").score(77).owner(jr.id()).create();
        othersLead = data.contact().name("Alan", "Turing").email("alan@example.com").company("Bletchley Park")
                .owner(sam.id()).create();
        synced = data.syncedContact();
        long webinar = data.manualList("Webinar");
        data.addMembers(webinar, ada);
        data.exclude(data.manualList("Do not call"), ada);
        data.opportunity("Difference Engine", ada);
    }

    private ContactView open(long contactId) {
        UI.getCurrent().navigate(ContactView.class, contactId);
        return _get(ContactView.class);
    }

    private static List<String> actionTexts(ContactView view) {
        return _find(view.actions, Button.class).stream().map(Button::getText).toList();
    }

    @Test
    void a_click_on_a_row_of_the_contact_manager_opens_the_contact_s_page_with_everything_about_it() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(ContactManagerView.class);
        ContactManagerView manager = _get(ContactManagerView.class);
        int row = 0;
        while (_get(manager.grid, row).id() != ada) {
            row++;
        }

        _clickItem(manager.grid, row, "email");

        ContactView page = _get(ContactView.class);
        String text = page.getElement().getTextRecursively();
        assertThat(page.title.getText()).isEqualTo("Ada Lovelace");
        assertThat(text).contains("ada@example.com", "Analytical Engines", "London", jr.displayName(), "77",
                "Not synced", "Created", "Last changed");
        assertThat(page.lists.getElement().getTextRecursively()).contains("On: Webinar", "Excluded from: Do not call");
        assertThat(_size(page.opportunities)).isEqualTo(1);
        assertThat(_get(page.opportunities, 0).name()).isEqualTo("Difference Engine");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_sees_the_actions_the_roles_table_gives_it(Role role) {
        signInAs(role);

        ContactView page = open(ada);

        Map<Role, List<String>> expected = Map.of(
                Role.ADMIN, List.of("Edit", "Add to list…", "Delete"),
                Role.COMPANY_MANAGER, List.of("Edit", "Add to list…", "Delete"),
                Role.MARKETING_MANAGER, List.of("Edit", "Add to list…"),
                Role.SALES_MANAGER, List.of("Edit"),
                Role.SALESPERSON, List.of("Edit"),
                Role.JR_SALESPERSON, List.of("Edit"));
        assertThat(actionTexts(page)).isEqualTo(expected.get(role));
    }

    @Test
    void a_synced_contact_s_page_says_the_crm_may_overwrite_changes_and_cannot_delete_it() {
        signInAs(Role.ADMIN);

        ContactView page = open(synced);

        assertThat(page.getElement().getTextRecursively()).contains("Synced with Salesforce", "overwritten at its next sync");
        Button delete = _find(page.actions, Button.class).stream().filter(b -> b.getText().equals("Delete"))
                .findFirst().orElseThrow();
        assertThat(delete.isEnabled()).isFalse();
    }

    @Test
    void a_jr_salesperson_opening_another_owner_s_contact_learns_nothing_about_it() {
        signInAs(Role.JR_SALESPERSON);

        ContactView page = open(othersLead);

        String text = page.getElement().getTextRecursively();
        assertThat(text).contains(ContactView.NOT_FOUND).doesNotContain("Alan", "Turing", "alan@example.com", "Bletchley");
        assertThat(page.getPageTitle()).isEqualTo("Contact · LeadCRM");
    }

    @Test
    void deleting_from_the_page_deletes_the_lead_and_goes_back_to_the_contact_manager() {
        signInAs(Role.COMPANY_MANAGER);
        ContactView page = open(ada);
        _click(_find(page.actions, Button.class).stream().filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow());

        _click(_get(DeleteLeadDialog.class).delete);

        assertThat(data.contactExists(ada)).isFalse();
        assertThat(_find(ContactManagerView.class)).hasSize(1);
    }
}
