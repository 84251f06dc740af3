package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;

/**
 * Every role signs in through the real login form and sees exactly what PRODUCT.md's role table
 * lets it do — on the Contact Manager, on the Lists page, on a list's page and in the side
 * navigation. The expectations are written out here from the table, not taken from the code.
 */
class RoleJourneyTest extends BrowserTest {

    /** Create/edit a list, Bulk Edit into lists. */
    private static final Set<Role> MANAGE_LISTS = EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER);
    /** Delete a lead; every item of a list's Options menu. */
    private static final Set<Role> DELETE = EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER);
    /** Export contacts to CSV. */
    private static final Set<Role> EXPORT = EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER,
            Role.SALES_MANAGER);
    /** The Users page and the audit log. */
    private static final Set<Role> ADMINISTER = EnumSet.of(Role.ADMIN);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void signs_in_and_sees_only_what_the_role_may_do(Role role) {
        UserSummary user = data.user(role);
        long own = data.contact().name("Alice", "Example").company("Acme").owner(user.id()).create();
        long others = data.contact().name("Bob", "Other").company("Acme").create();
        long newsletter = data.manualList("Newsletter");
        data.addMembers(newsletter, own, others);
        boolean mayManageLists = MANAGE_LISTS.contains(role);
        boolean mayDelete = DELETE.contains(role);
        boolean mayExport = EXPORT.contains(role);

        browser.signIn(user.username(), TestData.PASSWORD);

        // The Contact Manager, with who is signed in
        assertThat(browser.path()).as("the page after signing in").isEqualTo("/");
        browser.find("h2", "Contacts");
        assertThat(browser.textOf(browser.find(".user-name"))).isEqualTo(user.displayName());
        assertThat(browser.textOf(browser.find(".user-role"))).isEqualTo(role.displayName());
        browser.gridCell("Alice Example");
        browser.waitForVaadin();
        // A Jr. Salesperson sees only the leads assigned to them
        assertThat(browser.visible("vaadin-grid-cell-content", "Bob Other")).as("a lead of someone else")
                .hasSize(role == Role.JR_SALESPERSON ? 0 : 1);
        assertThat(browser.hasButton("Add to list…")).as("Add to list…").isEqualTo(mayManageLists);
        assertThat(browser.visible("vaadin-checkbox").stream().map(browser::textOf).anyMatch(l -> l.startsWith("Select all")))
                .as("Select all matching").isEqualTo(mayManageLists || mayExport);
        assertThat(browser.visible("a", "Export CSV")).as("Export CSV on the Contact Manager").hasSize(mayExport ? 1 : 0);
        assertThat(browser.visible("vaadin-button[aria-label=\"Delete Alice Example\"]")).as("the row's delete button")
                .hasSize(mayDelete ? 1 : 0);
        assertThat(browser.hasButton("Delete")).as("the Delete button of the toolbar").isEqualTo(mayDelete);
        assertThat(browser.visible("vaadin-side-nav-item").stream().map(browser::textOf))
                .as("the side navigation")
                .containsExactlyElementsOf(ADMINISTER.contains(role)
                        ? List.of("Contact Manager", "Lists", "Opportunities", "Users", "Audit log")
                        : List.of("Contact Manager", "Lists", "Opportunities"));
        if (!mayDelete) {
            assertThat(destructiveActions()).as("destructive actions on the Contact Manager").isEmpty();
        }
        screenshot("contact-manager-" + role.name().toLowerCase(Locale.ROOT));

        // The Lists page
        browser.navigateTo("Lists");
        browser.gridCell("Newsletter");
        assertThat(browser.hasButton("New List")).as("New List").isEqualTo(mayManageLists);
        assertThat(hasOptionsMenu("Newsletter")).as("the Options menu on the Lists grid").isEqualTo(mayDelete);
        if (!mayDelete) {
            assertThat(destructiveActions()).as("destructive actions on the Lists page").isEmpty();
        }
        screenshot("lists-" + role.name().toLowerCase(Locale.ROOT));

        // The list's own page
        browser.click(browser.find("a", "Newsletter"));
        browser.find("h2", "Newsletter");
        browser.gridCell("Alice Example");
        assertThat(browser.hasButton("Edit")).as("Edit").isEqualTo(mayManageLists);
        assertThat(browser.visible("a", "Export CSV")).as("Export CSV on the list's page").hasSize(mayExport ? 1 : 0);
        assertThat(hasOptionsMenu("Newsletter")).as("the Options menu on the list's page").isEqualTo(mayDelete);
        if (!mayDelete) {
            assertThat(destructiveActions()).as("destructive actions on the list's page")
                    // list managers may take members off a list, one or many; that deletes nothing
                    .allMatch(label -> mayManageLists && (label.equals("Remove") || label.equals("Remove from list…")));
            assertThat(browser.hasButton("Remove from list…")).as("Remove from list…").isEqualTo(mayManageLists);
        }

        // The audit log: in the navigation and open for Administrators only
        if (ADMINISTER.contains(role)) {
            browser.navigateTo("Audit log");
            browser.find("h2", "Audit log");
        } else {
            browser.open("/audit");
            assertThat(browser.visible("h2", "Audit log")).as("the audit log for " + role).isEmpty();
            assertThat(browser.visible("vaadin-grid")).as("a grid on /audit for " + role).isEmpty();
        }
    }
}
