package org.leadcrm.list.ui;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.export.ui.ExportLink;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.ExportedCsv;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * "Export CSV" on a list's page, and "Download these contacts first" in the confirmation of both
 * permanent deletes: the list's members as they are when the link is clicked.
 */
class ExportListFlowTest extends KaribuTest {

    private long list;

    ExportListFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void aListWithMembersAnExclusionAndAnOutsider() {
        list = data.manualList("Spring webinar");
        long ada = data.contact("Ada", "Lovelace");
        long alan = data.contact("Alan", "Turing");
        long excluded = data.contact("Eve", "Excluded");
        data.contact("Olga", "Outsider");
        data.addMembers(list, ada, alan);
        data.exclude(list, excluded);
    }

    private ListView openList(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ListView.class, list);
        return _get(ListView.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER", "MARKETING_MANAGER", "SALES_MANAGER"})
    void a_lists_page_exports_its_members(Role role) {
        ExportLink export = _get(openList(role).actions, ExportLink.class);

        assertThat(export.label()).isEqualTo("Export CSV");
        assertThat(export.tooltip()).isEqualTo("Download the list's 2 members as a CSV file");
        assertThat(ExportedCsv.read(_download(export)).column("Last name")).containsExactly("Lovelace", "Turing");
        assertThat(data.jdbc().queryForList("select list_name from audit_entry", String.class))
                .containsExactly("Spring webinar");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALESPERSON", "JR_SALESPERSON"})
    void salespeople_get_no_export_on_a_lists_page(Role role) {
        assertThat(_find(openList(role).actions, ExportLink.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMPANY_MANAGER"})
    void both_permanent_deletes_offer_the_members_as_they_are_now_for_download_first(Role role) {
        for (String item : new String[] {ListOptionsMenu.DELETE_ALL, ListOptionsMenu.DELETE_ALL_AND_LIST}) {
            _clickItemWithCaption(_get(openList(role), ListOptionsMenu.class), item);
            CountConfirmDialog<?> dialog = _get(CountConfirmDialog.class);
            long newcomer = data.contact("Nina", "Newcomer");
            data.addMembers(list, newcomer); // joins while the dialog is open: "as they are now" includes her

            ExportLink downloadFirst = _get(dialog, ExportLink.class);

            assertThat(downloadFirst.label()).as(item).isEqualTo("Download these contacts first");
            assertThat(ExportedCsv.read(_download(downloadFirst)).column("Last name")).as(item)
                    .contains("Lovelace", "Turing", "Newcomer").doesNotContain("Excluded", "Outsider");
            dialog.close();
        }
        assertThat(data.listExists(list)).isTrue();
    }

    @Test
    void the_options_in_the_lists_grid_offer_the_download_too() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(ListsView.class);
        ListOptionsMenu options = (ListOptionsMenu) _getCellComponent(_get(ListsView.class).grid, 0, "options");
        _clickItemWithCaption(options, ListOptionsMenu.DELETE_ALL);

        ExportLink downloadFirst = _get(_get(CountConfirmDialog.class), ExportLink.class);

        assertThat(ExportedCsv.read(_download(downloadFirst)).column("Last name")).containsExactly("Lovelace", "Turing");
    }
}
