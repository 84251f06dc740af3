package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;
import org.openqa.selenium.WebElement;

/**
 * A Salesperson creates an opportunity with one lead; a Company Manager deletes that lead, is told
 * the opportunity goes with it, and the opportunity is gone from the Opportunities view (PRODUCT.md,
 * "Deleting one lead" and "Opportunities").
 */
class OpportunityJourneyTest extends BrowserTest {

    @Test
    void an_opportunity_whose_only_lead_is_deleted_is_gone_from_the_opportunities_view() {
        UserSummary sam = data.user(Role.SALESPERSON);
        long ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").owner(sam.id()).create();

        // The Salesperson creates an opportunity with Ada as its lead
        browser.signIn(sam.username(), TestData.PASSWORD);
        browser.navigateTo("Opportunities");
        browser.find(".match-count", "0 opportunities");
        browser.clickButton("New opportunity");
        WebElement form = browser.dialog();
        browser.type(browser.fieldWithin(form, "Name"), "Difference Engine");
        browser.type(browser.fieldWithin(form, "Amount"), "2500.50");
        WebElement leads = browser.fieldWithin(form, "Leads");
        browser.type(leads, "Love");
        browser.click(browser.find("vaadin-multi-select-combo-box-item", "Ada Lovelace · ada@example.com"));
        browser.findWithin(form, ".lead-links a", "Ada Lovelace");
        screenshot("new-opportunity");
        browser.click(browser.findWithin(form, "vaadin-button", "Save"));
        browser.waitForNoDialog();
        browser.gridCell("Difference Engine");
        browser.gridCell("$2,500.50");
        assertThat(data.jdbc().queryForObject("select count(*) from opportunity_contact where contact_id = ?",
                Long.class, ada)).isEqualTo(1);
        browser.signOut();

        // The Company Manager deletes the lead and is told the opportunity goes with it
        signInAs(Role.COMPANY_MANAGER);
        browser.click(browser.find("vaadin-button[aria-label=\"Delete Ada Lovelace\"]"));
        WebElement confirm = browser.dialog();
        browser.findWithin(confirm, ".doomed-opportunities li", "Difference Engine");
        browser.click(browser.findWithin(confirm, "vaadin-button", "Delete permanently"));
        browser.waitForNotificationContaining("Deleted Ada Lovelace and 1 opportunity.");

        browser.navigateTo("Opportunities");
        browser.find(".match-count", "0 opportunities");
        browser.waitForNoGridCell("Difference Engine");
        screenshot("opportunity-gone");
        assertThat(data.count("opportunity")).isZero();
    }
}
