package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;

/**
 * The app works under its Content Security Policy: signing in, the Contact Manager, the Lists
 * page and a list's page with a dialog open leave no violation in Chromium's console. A blocked
 * image at the end shows that a violation would be seen.
 */
class ContentSecurityPolicyJourneyTest extends BrowserTest {

    /** An image the policy refuses; {@link BrowserTest}'s check of every journey ignores it. */
    static final String CONTROL_IMAGE = "https://csp-control.invalid/pixel.png";

    @Test
    void signing_in_the_contact_manager_and_a_list_page_break_no_rule_of_the_content_security_policy() {
        long ada = data.contact("Ada", "Lovelace");
        long list = data.manualList("Newsletter");
        data.addMembers(list, ada);
        browser.consoleMessages(); // what earlier tests left

        signInAs(Role.ADMIN);
        browser.gridCell("Ada Lovelace");
        browser.navigateTo("Lists");
        browser.gridCell("Newsletter");
        browser.click(browser.find("a", "Newsletter"));
        browser.find("h2", "Newsletter");
        browser.gridCell("Ada Lovelace");
        openOptions("Newsletter");
        browser.clickMenuItem("Remove All Contacts");
        browser.click(browser.findWithin(browser.dialog(), "vaadin-button", "Cancel"));
        browser.waitForNoDialog();
        List<String> messages = browser.consoleMessages();

        assertThat(Browser.contentSecurityPolicyViolations(messages)).as("CSP violations in " + messages).isEmpty();

        // The control: an image from another origin is refused, and the console says so.
        browser.js("new Image().src = arguments[0];", CONTROL_IMAGE);
        List<String> control = new ArrayList<>();
        browser.waitUntil("the refused image in the console", b -> {
            control.addAll(b.consoleMessages());
            return Browser.contentSecurityPolicyViolations(control).isEmpty() ? null : true;
        });
        assertThat(Browser.contentSecurityPolicyViolations(control)).anyMatch(message -> message.contains("img-src"));
        System.out.printf("[csp] sign-in, Contact Manager, Lists, a list page and a dialog: %d console messages, "
                + "%d CSP violations; control image from another origin: %d violation(s) reported%n",
                messages.size(), Browser.contentSecurityPolicyViolations(messages).size(),
                Browser.contentSecurityPolicyViolations(control).size());
    }
}
