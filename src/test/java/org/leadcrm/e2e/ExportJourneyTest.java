package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.ExportedCsv;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Sales Manager filters the Contact Manager and exports it. The file is fetched from the link's
 * address as the browser's own request, with the session's cookie: Vaadin runs the download handler
 * on that request's thread, outside the page's lock, behind Spring Security — so the export runs,
 * and is audited, as the signed-in user, and without a session the address gives nothing.
 */
class ExportJourneyTest extends BrowserTest {

    /** Fetches the address with the page's cookies; answers the status, two headers and the body in Base64. */
    private static final String FETCH = """
            const [href, done] = arguments;
            fetch(href, {credentials: 'same-origin'}).then(async response => {
              const bytes = new Uint8Array(await response.arrayBuffer());
              let binary = '';
              bytes.forEach(b => binary += String.fromCharCode(b));
              done({status: response.status, type: response.headers.get('Content-Type') || '',
                  disposition: response.headers.get('Content-Disposition') || '', body: btoa(binary)});
            }).catch(error => done({status: -1, type: '', disposition: String(error), body: ''}));
            """;

    @Autowired
    private Clock clock;

    @Test
    void the_filtered_contacts_download_as_the_signed_in_user_and_not_without_a_session() {
        data.contact().name("Ada", "Lovelace").company("Analytical Engines").create();
        data.contact().name("Alan", "Turing").company("Bletchley").create();
        signInAs(Role.SALES_MANAGER);
        browser.type(browser.field("Search contacts"), "Lovel");
        browser.find(".match-count", "1 contact matching");

        WebElement link = browser.find("a", "Export CSV");
        screenshot("filtered");
        String href = (String) browser.js("return arguments[0].href;", link);
        Map<String, Object> response = fetch(href);

        assertThat(response.get("status")).isEqualTo(200L);
        assertThat((String) response.get("type")).startsWith("text/csv");
        assertThat((String) response.get("disposition"))
                .contains("filename=\"contacts " + LocalDate.now(clock) + ".csv\"");
        ExportedCsv csv = ExportedCsv.read(Base64.getDecoder().decode((String) response.get("body")));
        assertThat(csv.column("Last name")).containsExactly("Lovelace");
        assertThat(csv.rows().get(0)).containsEntry("Company", "Analytical Engines");
        assertThat(data.jdbc().queryForList("select username, subject, contacts_affected from audit_entry"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("username")).as("who the handler ran as").isEqualTo("sales_manager");
                    assertThat(entry.get("subject")).isEqualTo("filter: search text given");
                    assertThat(((Number) entry.get("contacts_affected")).longValue()).isEqualTo(1);
                });

        browser.signOut();
        browser.open("/login");
        Map<String, Object> signedOut = fetch(href);
        assertThat((String) signedOut.get("type")).as("the address without a session").doesNotStartWith("text/csv");
        assertThat(new String(Base64.getDecoder().decode((String) signedOut.get("body")), StandardCharsets.UTF_8))
                .doesNotContain("Lovelace");
        assertThat(data.count("audit_entry")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) browser.driver().executeAsyncScript(FETCH, href);
    }
}
