package org.leadcrm.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.export.ContactExportService;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

class AuditLogViewTest extends KaribuTest {

    AuditLogViewTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @Test
    void shows_destructive_operations_newest_first_with_their_counts_and_filters_them() {
        long list = data.manualList("Webinar");
        long ada = data.contact("Ada", "Lovelace");
        long alan = data.contact("Alan", "Turing");
        data.addMembers(list, ada, alan);
        signInAs(Role.ADMIN);
        bean(ListOptionsService.class).removeAllContacts(list, true, ProgressListener.NONE);
        bean(LeadDeletionService.class).deleteLead(ada);

        UI.getCurrent().navigate(AuditLogView.class);
        AuditLogView view = _get(AuditLogView.class);

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_get(view.grid, 0).event().operation()).isEqualTo(AuditOperation.DELETE_LEAD);
        assertThat(_get(view.grid, 1).event().operation()).isEqualTo(AuditOperation.REMOVE_ALL_CONTACTS_KEEP_EXCLUSIONS);
        assertThat(_getFormattedRow(view.grid, 1)).contains("admin", "Remove All Contacts (Keep Exclusions)", "Webinar", "2 contacts");
        assertThat(String.join(" ", _getFormattedRow(view.grid, 0))).doesNotContain("Ada", "Lovelace");

        _setValue(view.operation, AuditOperation.DELETE_LEAD);
        assertThat(_size(view.grid)).isEqualTo(1);

        _setValue(view.operation, null);
        _setValue(view.user, "someone-else");
        assertThat(_size(view.grid)).isZero();
    }

    @Test
    void an_export_shows_what_it_covered_and_how_many_rows_it_wrote() throws Exception {
        long list = data.manualList("Webinar");
        data.addMembers(list, data.contact("Ada", "Lovelace"));
        data.contact("Alan", "Turing");
        signInAs(Role.ADMIN);
        bean(ContactExportService.class).exportList(list, OutputStream.nullOutputStream());
        bean(ContactExportService.class).exportSelection(BulkSelection.matching(ContactFilter.ALL),
                OutputStream.nullOutputStream());

        UI.getCurrent().navigate(AuditLogView.class);
        AuditLogView view = _get(AuditLogView.class);

        assertThat(_getFormattedRow(view.grid, 0)).contains("Export contacts (CSV)", "filter: no filter", "2 rows exported");
        assertThat(_getFormattedRow(view.grid, 1)).contains("Export contacts (CSV)", "Webinar", "the list's members",
                "1 row exported");
    }

    @Test
    void shows_the_account_an_unlock_was_about() {
        data.user("ada", Role.SALESPERSON);
        data.jdbc().update("""
                insert into sign_in_throttle (username, client_address, failures, last_failure_at, locked_until)
                values ('ada', '198.51.100.23', 5, current_timestamp, ?)
                """, Timestamp.from(Instant.now().plusSeconds(15 * 60)));
        signInAs(Role.ADMIN);
        bean(UserService.class).unlock("ada");

        UI.getCurrent().navigate(AuditLogView.class);
        AuditLogView view = _get(AuditLogView.class);

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grid, 0)).contains("admin", "Account unlocked", "ada");
    }
}
