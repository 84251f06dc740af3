package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The headline journey of an Administrator: find a company's contacts, Bulk Edit all of them into
 * a new list, and permanently delete that list with its contacts through the count-match
 * confirmation — a wrong count refused, the right one accepted — with synced contacts kept and
 * opportunities left without a lead deleted.
 */
class PermanentDeleteJourneyTest extends BrowserTest {

    private static final String LIST = "Doomed leads";

    @Test
    void bulk_edit_a_company_into_a_new_list_then_permanently_delete_its_contacts_and_the_list() {
        // Six contacts of Doomed Corp: two synced with Salesforce, one also on another list, one the
        // only lead of an opportunity, one sharing an opportunity with an outsider
        long ada = doomed("Ada", "Ash");
        long ben = doomed("Ben", "Birch");
        long cleo = doomed("Cleo", "Cedar");
        long dan = doomed("Dan", "Dune");
        long sue = data.contact().name("Sue", "Sync").company("Doomed Corp").synced(CrmSystem.SALESFORCE).create();
        long sid = data.contact().name("Sid", "Sync").company("Doomed Corp").synced(CrmSystem.SALESFORCE).create();
        long olga = data.contact().name("Olga", "Outsider").company("Other Inc").create();
        long peter = data.contact().name("Peter", "Bystander").company("Acme").create();
        long newsletter = data.manualList("Newsletter");
        data.addMembers(newsletter, ada, olga);
        long bensDeal = data.opportunity("Ben's renewal", ben);
        long jointDeal = data.opportunity("Joint deal", cleo, olga);

        signInAs(Role.ADMIN);
        browser.gridCell("Peter Bystander");
        screenshot("contact-manager");

        // Filter, select all matching, Bulk Edit into a new manual list
        browser.type(browser.field("Search contacts"), "Doomed");
        browser.find(".match-count", "6 contacts matching");
        browser.waitForNoGridCell("Peter Bystander");
        for (String name : List.of("Ada Ash", "Ben Birch", "Cleo Cedar", "Dan Dune", "Sue Sync", "Sid Sync")) {
            browser.gridCell(name);
        }
        browser.check("Select all 6 matching");
        browser.clickButton("Add to list…");
        WebElement bulkEdit = browser.dialog();
        browser.findWithin(bulkEdit, "[slot=title]", "Bulk Edit: add 6 contacts to a list");
        browser.check("A new manual list");
        browser.type(browser.fieldWithin(bulkEdit, "Name of the new list"), LIST);
        screenshot("bulk-edit-dialog");
        browser.click(browser.findWithin(bulkEdit, "vaadin-button", "Add to list"));
        browser.waitForNotificationContaining("Added 6 to " + LIST + "; 0 already on it, 0 skipped as excluded.");
        browser.waitForNoDialog();
        long list = listId(LIST);
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, ben, cleo, dan, sue, sid);

        // The list's Options on the Lists page
        browser.navigateTo("Lists");
        browser.gridCell(LIST);
        screenshot("lists");
        openOptions(LIST);
        screenshot("options-menu");
        browser.clickMenuItem("Permanently Delete All Contacts and List");
        WebElement confirm = browser.dialog();
        browser.findWithin(confirm, "[slot=title]", "Permanently Delete All Contacts and List?");
        // The counts arrive from the background while the dialog is open.
        browser.waitUntil("the counts to be shown", b -> b.visibleWithin(confirm, "li", null).stream()
                .map(b::textOf).noneMatch(text -> text.contains("counting")) ? true : null);
        assertThat(browser.visibleWithin(confirm, "li", null).stream().map(browser::textOf)).containsExactly(
                "Contacts in the list: 6",
                "Synced with Salesforce or SugarCRM, kept: 2",
                "Contacts deleted: 4",
                "Opportunities deleted with their only lead: 1");
        WebElement count = browser.fieldWithin(confirm, "Type the number of contacts in this list to confirm");
        WebElement delete = browser.findWithin(confirm, "vaadin-button", "Delete");
        assertThat(browser.isDisabled(delete)).as("Delete before a number is typed").isTrue();

        // A wrong count is refused: Delete stays disabled, the field says why, nothing is deleted
        browser.type(count, "5");
        browser.waitUntil("the wrong count to be refused", b -> b.errorMessageOf(count)
                .equals("That is not the number of contacts in this list.") ? true : null);
        assertThat(browser.isDisabled(delete)).as("Delete after a wrong count").isTrue();
        screenshot("wrong-count");
        browser.input(count).sendKeys(Keys.ENTER);
        browser.waitForVaadin();
        assertThat(data.listExists(list)).isTrue();
        assertThat(data.members(list)).hasSize(6);

        // The right count is accepted
        browser.type(count, "6");
        browser.waitUntil("Delete to be enabled by the right count", b -> b.isDisabled(delete) ? null : true);
        assertThat(browser.errorMessageOf(count)).isEmpty();
        browser.click(delete);
        browser.waitForNotificationContaining(
                "Deleted 4 contacts, kept 2 synced, deleted 1 opportunity, and the list " + LIST + ".");
        browser.waitForNoDialog();
        browser.waitForNoGridCell(LIST);
        browser.gridCell("Newsletter");
        screenshot("deleted");

        // The list and its non-synced contacts are gone; synced ones, outsiders and the shared deal stay
        assertThat(data.listExists(list)).as("the list").isFalse();
        for (long gone : List.of(ada, ben, cleo, dan)) {
            assertThat(data.contactExists(gone)).as("non-synced contact %d", gone).isFalse();
        }
        assertThat(data.contactExists(sue)).as("synced Sue").isTrue();
        assertThat(data.contactExists(sid)).as("synced Sid").isTrue();
        assertThat(data.contactExists(olga)).as("the outsider").isTrue();
        assertThat(data.contactExists(peter)).as("the bystander").isTrue();
        assertThat(data.opportunityExists(bensDeal)).as("the opportunity whose only lead was deleted").isFalse();
        assertThat(data.opportunityExists(jointDeal)).as("the shared opportunity").isTrue();
        assertThat(data.opportunityLeads(jointDeal)).containsExactly(olga);
        assertThat(data.members(newsletter)).containsExactly(olga);

        // The audit log has the operation, for the Administrator
        browser.navigateTo("Audit log");
        browser.gridCell("Permanently Delete All Contacts and List");
        browser.gridCell(LIST);
        screenshot("audit-log");
    }

    private long doomed(String firstName, String lastName) {
        return data.contact().name(firstName, lastName).company("Doomed Corp").create();
    }
}
