package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.openqa.selenium.WebElement;

/**
 * An Administrator deletes every contact of a company straight from the Contact Manager, without
 * building a list first: filter, tick "all matching", and confirm by typing the count as the page
 * shows it — a wrong count refused, the right one accepted — with synced contacts kept and the
 * opportunity left without a lead deleted.
 */
class DeleteMatchingJourneyTest extends BrowserTest {

    private static final int BULK = 1_200;

    @Test
    void filter_tick_all_matching_and_delete_them_with_the_count_typed_as_shown() {
        // 1,204 contacts of Doomed Corp: two synced with Salesforce, one the only lead of an
        // opportunity, one sharing an opportunity with an outsider
        data.contacts(BULK);
        data.jdbc().update("update contact set company = 'Doomed Corp' where company is null");
        long ben = data.contact().name("Ben", "Birch").company("Doomed Corp").create();
        long cleo = data.contact().name("Cleo", "Cedar").company("Doomed Corp").create();
        long sue = data.contact().name("Sue", "Sync").company("Doomed Corp").synced(CrmSystem.SALESFORCE).create();
        long sid = data.contact().name("Sid", "Sync").company("Doomed Corp").synced(CrmSystem.SALESFORCE).create();
        long olga = data.contact().name("Olga", "Outsider").company("Other Inc").create();
        long peter = data.contact().name("Peter", "Bystander").company("Acme").create();
        long newsletter = data.manualList("Newsletter");
        data.addMembers(newsletter, ben, olga);
        long bensDeal = data.opportunity("Ben's renewal", ben);
        long jointDeal = data.opportunity("Joint deal", cleo, olga);

        signInAs(Role.ADMIN);
        browser.find(".match-count", "1,206 contacts");

        // Filter, and select all matching
        browser.type(browser.field("Search contacts"), "Doomed");
        browser.find(".match-count", "1,204 contacts matching");
        browser.gridCell("Ben Birch");
        browser.waitForNoGridCell("Peter Bystander");
        browser.check("Select all 1,204 matching");
        screenshot("all-matching-ticked");
        browser.clickButton("Delete 1,204 matching…");

        WebElement confirm = browser.dialog();
        browser.findWithin(confirm, "[slot=title]", "Delete all contacts matching the filter?");
        browser.waitUntil("the counts to be shown", b -> b.visibleWithin(confirm, "li", null).stream()
                .map(b::textOf).noneMatch(text -> text.contains("counting")) ? true : null);
        assertThat(browser.visibleWithin(confirm, "li", null).stream().map(browser::textOf)).containsExactly(
                "Contacts selected: 1,204",
                "Synced with Salesforce or SugarCRM, kept: 2",
                "Contacts deleted: 1,202",
                "Opportunities deleted with their only lead: 1");
        assertThat(browser.visibleWithin(confirm, "p", null).stream().map(browser::textOf))
                .anyMatch(text -> text.contains("every contact matching the filter (search text given)"));
        WebElement count = browser.fieldWithin(confirm, "Type the number of contacts selected to confirm");
        WebElement delete = browser.findWithin(confirm, "vaadin-button", "Delete");
        assertThat(browser.isDisabled(delete)).as("Delete before a number is typed").isTrue();

        // A wrong count is refused: Delete stays disabled, the field says why
        browser.type(count, "1,203");
        browser.waitUntil("the wrong count to be refused", b -> b.errorMessageOf(count)
                .equals("That is not the number of contacts selected.") ? true : null);
        assertThat(browser.isDisabled(delete)).as("Delete after a wrong count").isTrue();
        screenshot("wrong-count");
        assertThat(data.contactExists(ben)).isTrue();

        // The count as the page shows it is accepted
        browser.type(count, "1,204");
        browser.waitUntil("Delete to be enabled by the right count", b -> b.isDisabled(delete) ? null : true);
        assertThat(browser.errorMessageOf(count)).isEmpty();
        browser.click(delete);
        browser.waitForNotificationContaining("Deleted 1,202 contacts, kept 2 synced, deleted 1 opportunity.");
        browser.waitForNoDialog();

        // Only the synced matches remain, with everyone who did not match
        browser.find(".match-count", "2 contacts matching");
        browser.gridCell("Sue Sync");
        browser.gridCell("Sid Sync");
        browser.waitForNoGridCell("Ben Birch");
        screenshot("deleted");
        assertThat(data.jdbc().queryForList("select id from contact where company = 'Doomed Corp'", Long.class))
                .as("the Doomed Corp contacts left").containsExactlyInAnyOrder(sue, sid);
        for (long stays : List.of(olga, peter)) {
            assertThat(data.contactExists(stays)).as("contact %d, which did not match", stays).isTrue();
        }
        assertThat(data.opportunityExists(bensDeal)).as("the opportunity whose only lead was deleted").isFalse();
        assertThat(data.opportunityLeads(jointDeal)).containsExactly(olga);
        assertThat(data.members(newsletter)).containsExactly(olga);

        // The audit log names the operation and the filter, not what was typed into it
        browser.navigateTo("Audit log");
        browser.gridCell("Delete contacts (Contact Manager)");
        browser.gridCell("all matching: search text given");
        assertThat(browser.gridCells()).anyMatch(cell -> cell.startsWith("1,202 contacts"));
        screenshot("audit-log");
    }
}
