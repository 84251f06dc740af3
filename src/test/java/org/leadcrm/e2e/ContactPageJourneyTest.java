package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.openqa.selenium.WebElement;

/**
 * A Marketing Manager creates a contact with the form, finds it again in the Contact Manager,
 * opens its page with a click on its row, changes its company with the same form and puts it on a
 * new list from its page, which then names that list.
 */
class ContactPageJourneyTest extends BrowserTest {

    private static final String LIST = "Compiler pioneers";

    @Test
    void create_a_contact_find_it_open_its_page_edit_it_and_add_it_to_a_new_list() {
        data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Analytical Engines").create();
        data.contact().name("Alan", "Turing").email("alan@example.com").company("Bletchley Park").create();

        signInAs(Role.MARKETING_MANAGER);
        browser.find(".match-count", "2 contacts");

        // Create a contact with the form; its page opens
        browser.clickButton("New contact");
        WebElement form = browser.dialog();
        browser.findWithin(form, "[slot=title]", "New contact");
        browser.type(browser.fieldWithin(form, "First name"), "Grace");
        browser.type(browser.fieldWithin(form, "Last name"), "Hopper");
        browser.type(browser.fieldWithin(form, "E-mail"), "grace.hopper@example.com");
        browser.type(browser.fieldWithin(form, "Company"), "Eckert-Mauchly");
        screenshot("new-contact-form");
        browser.click(browser.findWithin(form, "vaadin-button", "Save"));
        browser.waitForNotificationContaining("Contact created.");
        browser.waitForNoDialog();
        browser.find(".contact-view h2", "Grace Hopper");
        long grace = data.jdbc().queryForObject("select id from contact where email = ?", Long.class,
                "grace.hopper@example.com");
        assertThat(data.jdbc().queryForObject("select company from contact where id = ?", String.class, grace))
                .isEqualTo("Eckert-Mauchly");

        // Find it by search in the Contact Manager and open its page by clicking its row
        browser.navigateTo("Contact Manager");
        browser.find(".match-count", "3 contacts");
        browser.type(browser.field("Search contacts"), "Hopper");
        browser.find(".match-count", "1 contact matching");
        browser.waitForNoGridCell("Ada Lovelace");
        screenshot("found-by-search");
        browser.click(browser.gridCell("grace.hopper@example.com"));
        browser.find(".contact-view h2", "Grace Hopper");
        browser.waitUntil("the contact's page to open", b -> b.path().equals("/contact/" + grace) ? true : null);
        browser.find(".field-value", "Eckert-Mauchly");
        browser.find(".member-of .list-none", "no list");

        // Edit it: a new company
        browser.clickButton("Edit");
        WebElement edit = browser.dialog();
        browser.findWithin(edit, "[slot=title]", "Edit Grace Hopper");
        browser.type(browser.fieldWithin(edit, "Company"), "Remington Rand");
        screenshot("edit-form");
        browser.click(browser.findWithin(edit, "vaadin-button", "Save"));
        browser.waitForNotificationContaining("Saved Grace Hopper.");
        browser.waitForNoDialog();
        browser.find(".field-value", "Remington Rand");
        assertThat(data.jdbc().queryForObject("select company from contact where id = ?", String.class, grace))
                .isEqualTo("Remington Rand");

        // Add it to a new list from its page; the page names the list
        browser.clickButton("Add to list…");
        WebElement bulkEdit = browser.dialog();
        browser.findWithin(bulkEdit, "[slot=title]", "Bulk Edit: add 1 contact to a list");
        browser.check("A new manual list");
        browser.type(browser.fieldWithin(bulkEdit, "Name of the new list"), LIST);
        browser.click(browser.findWithin(bulkEdit, "vaadin-button", "Add to list"));
        browser.waitForNotificationContaining("Added 1 to " + LIST + "; 0 already on it, 0 skipped as excluded.");
        browser.waitForNoDialog();
        WebElement chip = browser.find(".member-of a", LIST);
        assertThat(chip.getAttribute("href")).endsWith("/list/" + listId(LIST));
        assertThat(data.members(listId(LIST))).containsExactly(grace);
        screenshot("on-the-new-list");
    }
}
