package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.ApplicationTest;
import org.leadcrm.testsupport.TestData;
import org.openqa.selenium.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of every browser test: the whole application on a random port, on the test database
 * of the build, driven through a real headless Chromium by {@link Browser}. Every browser test
 * class shares this one Spring context, so keep context-changing annotations (properties,
 * profiles, mock beans) off the subclasses.
 *
 * <p>Each test starts signed out, with every table empty; it creates the users it signs in as
 * and the data it needs with {@link TestData}, and checks the outcome in the database with it.
 * Vaadin's development tools are off: their pop-ups would cover notifications in screenshots.
 */
@ApplicationTest
@ExtendWith(BrowserExtension.class)
public abstract class BrowserTest {

    /** Labels of actions that clear or delete something, or open the menu of such actions. */
    private static final Pattern DESTRUCTIVE = Pattern.compile("(?i).*(delete|remove|clear|options|trash).*");

    @Autowired
    protected TestData data;

    @LocalServerPort
    private int port;

    protected Browser browser;

    private int step;

    @BeforeEach
    void startSignedOutWithEmptyTables(Browser browser) {
        this.browser = browser;
        this.step = 0;
        browser.useApp("http://localhost:" + port);
        browser.signOut();
        data.wipe();
    }

    /** Every journey runs under the app's Content Security Policy without tripping it. */
    @AfterEach
    void signOutAfterCheckingTheContentSecurityPolicy() {
        List<String> violations = Browser.contentSecurityPolicyViolations(browser.consoleMessages()).stream()
                .filter(message -> !message.contains(ContentSecurityPolicyJourneyTest.CONTROL_IMAGE))
                .toList();
        browser.signOut();
        assertThat(violations).as("Content Security Policy violations in the browser's console").isEmpty();
    }

    /** Creates a user of the role (named as {@link TestData#usernameOf(Role)}) and signs in as it. */
    protected UserSummary signInAs(Role role) {
        UserSummary user = data.user(role);
        browser.signIn(user.username(), TestData.PASSWORD);
        return user;
    }

    /** The id of the list of this name, read from the database. */
    protected long listId(String name) {
        return data.jdbc().queryForObject("select id from contact_list where name = ?", Long.class, name);
    }

    /** The visible actions on the page that delete or clear something, or open a menu of such. */
    protected List<String> destructiveActions() {
        return browser.visibleActions().stream().filter(label -> DESTRUCTIVE.matcher(label).matches()).toList();
    }

    /** Whether the labelled "Options" menu of this list is visible (on the Lists grid or the list's page). */
    protected boolean hasOptionsMenu(String listName) {
        browser.waitForVaadin();
        return !browser.visible(optionsSelector(listName), "Options").isEmpty();
    }

    /** Opens the Options menu of a list, as a user would: by its visible "Options" button. */
    protected void openOptions(String listName) {
        try {
            browser.click(browser.find(optionsSelector(listName), "Options"));
        } catch (TimeoutException e) {
            throw new AssertionError("The Options menu of " + listName + " is not visible; visible actions: "
                    + browser.visibleActions(), e);
        }
        browser.find("vaadin-menu-bar-item", "Remove All Contacts");
    }

    private static String optionsSelector(String listName) {
        return "vaadin-menu-bar-item[aria-label=\"Options for " + listName.replace("\"", "\\\"") + "\"]";
    }

    /**
     * Saves a screenshot of a step of a journey, for people to look at, as
     * {@code target/browser-screenshots/steps/<class>-<nn>-<step>-<database>.png}.
     */
    protected void screenshot(String stepName) {
        step++;
        browser.screenshot("steps/" + getClass().getSimpleName() + "-" + String.format("%02d", step) + "-" + stepName
                + "-" + BrowserExtension.database());
    }
}
