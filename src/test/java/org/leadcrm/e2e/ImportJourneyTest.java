package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.openqa.selenium.WebElement;

/**
 * The seed's way to a bulk delete, starting from a spreadsheet: an Administrator imports a small
 * file from the Contact Manager into a new list (one of its addresses a synced contact's, one row
 * bad), downloads nothing, and then permanently deletes that list's contacts through the
 * count-match confirmation; the synced contact stays, everyone else is untouched.
 */
class ImportJourneyTest extends BrowserTest {

    private static final String LIST = "Trade fair leads";

    @Test
    void import_a_file_into_a_new_list_then_permanently_delete_its_contacts() throws IOException {
        long sue = data.contact().name("Sue", "Sync").email("sue@example.com").synced(CrmSystem.SALESFORCE).create();
        long peter = data.contact().name("Peter", "Bystander").email("peter@example.com").create();
        Path file = Files.createTempFile("trade-fair-", ".csv");
        try {
            // Excel's "CSV UTF-8" from a European Excel: a byte order mark and semicolons
            Files.writeString(file, "\uFEFFE-mail;First Name;Last Name;Company Name;City\r\n"
                    + "ada@example.com;Ada;Lovelace;Analytical Engines;London\r\n"
                    + "francois@example.fr;François;Müller;Société Générale;Besançon\r\n"
                    + "grace@example.com;Grace;Hopper;\"Navy; Reserve\";Arlington\r\n"
                    + "SUE@example.com;Susan;Sync;Other Co;Paris\r\n"
                    + "not-an-address;Bad;Row;;\r\n"
                    + "alan@example.com;Alan;Turing;Bletchley;Manchester\r\n", StandardCharsets.UTF_8);

            signInAs(Role.ADMIN);
            browser.gridCell("Peter Bystander");
            browser.clickButton("Import contacts");
            WebElement wizard = browser.dialog();
            browser.findWithin(wizard, ".upload-limit", "At most 200 MB per file (about a million rows).");
            screenshot("upload");

            WebElement upload = browser.findWithin(wizard, "vaadin-upload", null);
            WebElement input = (WebElement) browser.js("return arguments[0].shadowRoot.querySelector('input[type=file]');",
                    upload);
            input.sendKeys(file.toAbsolutePath().toString());

            browser.findWithin(wizard, ".wizard-step.current", "2 Preview");
            browser.gridCell("francois@example.fr");
            browser.gridCell("Navy; Reserve");
            assertThat(browser.visibleWithin(wizard, "vaadin-select", null).stream().map(browser::textOf))
                    .containsExactly("EncodingUTF-8", "DelimiterSemicolon ( ; )");
            screenshot("preview");
            browser.clickButton("Next");
            browser.findWithin(wizard, ".wizard-step.current", "3 Columns");
            browser.findWithin(wizard, ".mapping-header", "Company Name");
            screenshot("columns");
            browser.clickButton("Next");
            browser.findWithin(wizard, ".wizard-step.current", "4 Options");
            browser.check("A new manual list");
            browser.type(browser.fieldWithin(wizard, "Name of the new list"), LIST);
            screenshot("options");
            browser.clickButton("Import");

            browser.find("[slot=title]", "Import finished");
            WebElement result = browser.dialog();
            assertThat(browser.visibleWithin(result, "li", null).stream().map(browser::textOf)).containsExactly(
                    "Rows in " + file.getFileName() + ": 6",
                    "Contacts created: 4",
                    "Contacts updated: 0",
                    "Skipped as existing: 1",
                    "Rows rejected: 1",
                    "Added to " + LIST + ": 5");
            browser.findWithin(result, "a.rejected-rows", "Download the 1 rejected row as CSV");
            screenshot("result");
            browser.click(browser.findWithin(result, "vaadin-button", "Close"));
            browser.waitForNoDialog();
            browser.gridCell("François Müller");
            long list = listId(LIST);
            assertThat(data.members(list)).hasSize(5).contains(sue);

            // The list's Options: Permanently Delete All Contacts, with the count typed
            browser.navigateTo("Lists");
            browser.gridCell(LIST);
            openOptions(LIST);
            browser.clickMenuItem("Permanently Delete All Contacts");
            WebElement confirm = browser.dialog();
            browser.waitUntil("the counts to be shown", b -> b.visibleWithin(confirm, "li", null).stream()
                    .map(b::textOf).noneMatch(text -> text.contains("counting")) ? true : null);
            assertThat(browser.visibleWithin(confirm, "li", null).stream().map(browser::textOf)).contains(
                    "Contacts in the list: 5",
                    "Synced with Salesforce or SugarCRM, kept: 1",
                    "Contacts deleted: 4");
            WebElement count = browser.fieldWithin(confirm, "Type the number of contacts in this list to confirm");
            WebElement delete = browser.findWithin(confirm, "vaadin-button", "Delete");
            browser.type(count, "4");
            browser.waitUntil("the wrong count to be refused", b -> b.errorMessageOf(count)
                    .equals("That is not the number of contacts in this list.") ? true : null);
            assertThat(browser.isDisabled(delete)).isTrue();
            browser.type(count, "5");
            browser.waitUntil("Delete to be enabled by the right count", b -> b.isDisabled(delete) ? null : true);
            screenshot("confirm-delete");
            browser.click(delete);
            browser.waitForNotificationContaining("Deleted 4 contacts, kept 1 synced, deleted 0 opportunities.");
            browser.waitForNoDialog();
            screenshot("deleted");

            assertThat(data.listExists(list)).isTrue();
            assertThat(data.members(list)).containsExactly(sue);
            assertThat(data.contactIds()).containsExactlyInAnyOrder(sue, peter);
            assertThat(data.jdbc().queryForList("select first_name from contact where id = ?", String.class, sue))
                    .isEqualTo(List.of("Sue"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
