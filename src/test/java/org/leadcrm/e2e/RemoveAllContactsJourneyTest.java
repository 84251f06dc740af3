package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.openqa.selenium.WebElement;

/**
 * A Company Manager empties a list from its page's Options menu: Cancel changes nothing; "Remove
 * all" empties the list and its exclusions, and every contact stays in LeadCRM.
 */
class RemoveAllContactsJourneyTest extends BrowserTest {

    private static final String LIST = "Spring Campaign";

    @Test
    void remove_all_contacts_empties_the_list_and_keeps_every_contact() {
        long ada = data.contact("Ada", "Lovelace");
        long alan = data.contact("Alan", "Turing");
        long sam = data.contact().name("Sam", "Synced").synced(CrmSystem.SUGARCRM).create();
        long eve = data.contact("Eve", "Excluded");
        long list = data.manualList(LIST);
        long newsletter = data.manualList("Newsletter");
        data.addMembers(list, ada, alan, sam);
        data.exclude(list, eve);
        data.addMembers(newsletter, alan, eve);
        long deal = data.opportunity("Ada's deal", ada);

        signInAs(Role.COMPANY_MANAGER);
        browser.navigateTo("Lists");
        browser.click(browser.find("a", LIST));
        browser.find("h2", LIST);
        browser.find(".match-count", "3 members · 1 excluded");
        browser.gridCell("Ada Lovelace");

        // Cancel, the default, changes nothing
        openOptions(LIST);
        browser.clickMenuItem("Remove All Contacts");
        WebElement confirm = browser.dialog();
        browser.findWithin(confirm, "[slot=title]", "Remove All Contacts?");
        assertThat(browser.visibleWithin(confirm, "p", null).stream().map(browser::textOf)).containsExactly(
                "All 3 members leave \"" + LIST + "\".",
                "Every contact stays in LeadCRM. The list's exclusions are cleared too.");
        screenshot("remove-all-confirmation");
        browser.click(browser.findWithin(confirm, "vaadin-button", "Cancel"));
        browser.waitForNoDialog();
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, alan, sam);
        assertThat(data.exclusions(list)).containsExactly(eve);

        // Confirmed: the list is empty, its exclusions cleared, every contact still there
        openOptions(LIST);
        browser.clickMenuItem("Remove All Contacts");
        browser.click(browser.findWithin(browser.dialog(), "vaadin-button", "Remove all"));
        browser.waitForNotificationContaining("Removed 3 contacts from " + LIST + "; cleared 1 exclusion.");
        browser.waitForNoDialog();
        browser.find(".match-count", "0 members · 0 excluded");
        browser.waitForNoGridCell("Ada Lovelace");
        screenshot("emptied");

        assertThat(data.listExists(list)).as("the list").isTrue();
        assertThat(data.members(list)).as("members").isEmpty();
        assertThat(data.exclusions(list)).as("exclusions").isEmpty();
        for (long contact : List.of(ada, alan, sam, eve)) {
            assertThat(data.contactExists(contact)).as("contact %d", contact).isTrue();
        }
        assertThat(data.members(newsletter)).as("the other list").containsExactlyInAnyOrder(alan, eve);
        assertThat(data.opportunityLeads(deal)).as("the opportunity").containsExactly(ada);
    }
}
