package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An Administrator adds a colleague, who signs in and sees only what a Marketing Manager may; then
 * the Administrator deactivates them, and the colleague's open page goes to the sign-in page at
 * their next click. Two browsers, as two people at two desks.
 */
class UserAdministrationJourneyTest extends BrowserTest {

    private static final String PASSWORD = "plum-harbour-lantern-42";

    @LocalServerPort
    private int port;

    @Test
    void a_new_marketing_manager_signs_in_without_the_options_menu_and_is_signed_out_when_deactivated() {
        data.manualList("Newsletter");
        signInAs(Role.ADMIN);

        // The Administrator creates the user on the Users page
        browser.navigateTo("Users");
        browser.find("h2", "Users");
        browser.clickButton("New user");
        WebElement dialog = browser.dialog();
        browser.type(browser.fieldWithin(dialog, "Username"), "mia");
        browser.type(browser.fieldWithin(dialog, "Name"), "Mia Stone");
        WebElement role = browser.fieldWithin(dialog, "Role");
        browser.type(role, "Marketing Manager");
        browser.input(role).sendKeys(Keys.ENTER);
        browser.type(browser.fieldWithin(dialog, "Initial password"), PASSWORD);
        browser.clickButton("Create user");
        browser.waitForNotificationContaining("Created Mia Stone (mia), Marketing Manager.");
        browser.gridCell("mia");
        screenshot("user-created");

        try (Browser colleague = Browser.start()) {
            colleague.useApp("http://localhost:" + port);

            // The new user signs in and sees no Options menu on the list
            colleague.signIn("mia", PASSWORD);
            assertThat(colleague.textOf(colleague.find(".user-role"))).isEqualTo("Marketing Manager");
            colleague.navigateTo("Lists");
            colleague.gridCell("Newsletter");
            colleague.waitForVaadin();
            assertThat(colleague.visible("vaadin-menu-bar-item[aria-label=\"Options for Newsletter\"]", "Options"))
                    .as("the Options menu for a Marketing Manager").isEmpty();
            assertThat(colleague.visible("vaadin-side-nav-item", "Users")).as("the Users page in the navigation").isEmpty();

            // The Administrator deactivates them
            browser.click(browser.find("vaadin-menu-bar-item[aria-label=\"Actions for mia\"]", "Actions"));
            browser.clickMenuItem("Deactivate…");
            browser.findWithin(browser.dialog(), "vaadin-button", "Deactivate");
            browser.clickButton("Deactivate");
            browser.waitForNotificationContaining("Deactivated Mia Stone.");
            browser.waitForNoDialog();
            screenshot("user-deactivated");

            // Their next click lands on the sign-in page, and they cannot sign in again
            colleague.navigateTo("Contact Manager");
            colleague.waitUntil("the sign-in page", b -> b.path().startsWith("/login"));
            colleague.find("vaadin-login-form");
            assertThatThrownBy(() -> colleague.signIn("mia", PASSWORD)).hasMessageContaining("refused");
        }
        assertThat(data.jdbc().queryForList("select operation from audit_entry where target_username = 'mia' order by id",
                String.class)).containsExactly("USER_CREATED", "USER_DEACTIVATED");
    }
}
