package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.export.ui.ExportLink;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.ExportedCsv;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * "Export CSV" on the Contact Manager (PRODUCT.md, "Export contacts to CSV"): the ticked rows if any
 * are ticked, otherwise the contacts matching the filter, downloaded through the link as a browser
 * would and read back with Commons CSV.
 */
class ExportCsvFlowTest extends KaribuTest {

    private static final String TRICKY_LAST_NAME = "Smith, \"Jr.\"\nSecond line";

    private long ada;
    private long carl;

    ExportCsvFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void leadsAndACustomer() {
        ada = data.contact().name("Ada", "Lovelace").company("=1+1").status(ContactStatus.LEAD).create();
        data.contact().name("Zoë", TRICKY_LAST_NAME).status(ContactStatus.LEAD).create();
        carl = data.contact().name("Carl", "Customer").status(ContactStatus.CUSTOMER).create();
    }

    private ContactManagerView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        return _get(ContactManagerView.class);
    }

    private static void tick(ContactManagerView view, Set<String> lastNames) {
        for (int row = 0; row < _size(view.grid); row++) {
            if (lastNames.contains(_get(view.grid, row).lastName())) {
                view.grid.select(_get(view.grid, row));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER", "MARKETING_MANAGER", "SALES_MANAGER"})
    void with_no_row_ticked_the_contacts_matching_the_filter_are_downloaded(Role role) {
        ContactManagerView view = open(role);
        _setValue(view.status, ContactStatus.LEAD);

        assertThat(view.exportCsv.label()).isEqualTo("Export CSV");
        assertThat(view.exportCsv.tooltip()).isEqualTo("Download the 2 contacts matching the filter as a CSV file");
        ExportedCsv csv = ExportedCsv.read(_download(view.exportCsv));

        assertThat(csv.header()).startsWith("First name", "Last name", "E-mail").endsWith("Created");
        assertThat(csv.column("Last name")).as("a name with a comma, a quote and a line break, read back whole")
                .containsExactly("Lovelace", TRICKY_LAST_NAME);
        assertThat(csv.rows().get(0)).containsEntry("Company", "'=1+1").containsEntry("Status", "Lead");
        assertThat(data.jdbc().queryForList("select subject from audit_entry", String.class))
                .containsExactly("filter: status Lead");
    }

    @Test
    void ticked_rows_are_downloaded_when_any_are_ticked_and_all_matching_means_the_filter_again() {
        ContactManagerView view = open(Role.SALES_MANAGER);
        tick(view, Set.of("Lovelace", "Customer"));

        assertThat(view.exportCsv.label()).isEqualTo("Export 2 to CSV");
        assertThat(view.exportCsv.tooltip()).isEqualTo("Download the 2 ticked contacts as a CSV file");
        assertThat(ExportedCsv.read(_download(view.exportCsv)).column("Last name")).containsExactly("Lovelace", "Customer");

        _setValue(view.allMatching, true);
        assertThat(view.exportCsv.label()).isEqualTo("Export CSV");
        assertThat(view.exportCsv.tooltip()).isEqualTo("Download all 3 contacts as a CSV file");
        assertThat(ExportedCsv.read(_download(view.exportCsv)).rows()).hasSize(3);
        assertThat(data.jdbc().queryForList("select subject from audit_entry order by id", String.class))
                .containsExactly("2 ticked rows", "filter: no filter");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALESPERSON", "JR_SALESPERSON"})
    void salespeople_get_no_export(Role role) {
        assertThat(open(role).exportCsv.isVisible()).isFalse();
    }

    @Test
    void the_bulk_delete_confirmation_offers_the_contacts_being_deleted_for_download_first() {
        ContactManagerView view = open(Role.ADMIN);
        tick(view, Set.of("Lovelace", "Customer"));
        _click(view.deleteSelected);
        CountConfirmDialog<?> dialog = _get(CountConfirmDialog.class);

        ExportLink downloadFirst = _get(dialog, ExportLink.class);
        assertThat(downloadFirst.label()).isEqualTo("Download these contacts first");
        assertThat(ExportedCsv.read(_download(downloadFirst)).column("Last name")).containsExactly("Lovelace", "Customer");
        assertThat(data.contactIds()).contains(ada, carl);
    }
}
