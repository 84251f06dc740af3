package org.leadcrm.imports.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.imports.Delimiter;
import org.leadcrm.imports.ExistingContacts;
import org.leadcrm.imports.FileEncoding;
import org.leadcrm.imports.ImportField;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/**
 * The import wizard from the Contact Manager, as a user goes through it: a file uploaded through the
 * Upload component, its preview read in the background, columns matched and changed, options
 * chosen, the import run and its result shown with the rejected rows to download; and the
 * uploaded file gone afterwards, however the wizard ends.
 */
class ImportWizardFlowTest extends KaribuTest {

    /** A European Excel file: Windows-1252, semicolons, a header partly in French. */
    private static final String FILE = "Email;Prénom;Nom;Organisation;Notes;Statut\n"
            + "ada@example.com;Ada;Lovelace;New Co;met at the fair;Customer\n"
            + "francois@example.fr;François;Müller;Société Générale;;Lead\n"
            + "not-an-address;Bad;Row;;;\n"
            + "sue@example.com;Susan;Changed;Other Co;;\n";

    ImportWizardFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ImportWizard openWizard(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("");
        _click(_get(Button.class, spec -> spec.withText("Import contacts")));
        return _get(ImportWizard.class);
    }

    @Test
    void a_marketing_manager_imports_a_european_excel_file_into_a_new_list_through_every_step() {
        long ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Old Co").create();
        long sue = data.contact().name("Sue", "Sync").email("sue@example.com").synced(CrmSystem.SALESFORCE).create();
        ImportWizard wizard = openWizard(Role.MARKETING_MANAGER);
        assertThat(wizard.step()).isEqualTo(ImportWizard.Step.UPLOAD);
        assertThat(_get(wizard, com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withClasses("upload-limit")).getText()).isEqualTo("At most 200 MB per file (about a million rows).");

        UploadKt._upload(wizard.upload, "contacts.csv", FILE.getBytes(Charset.forName("windows-1252")));
        previewShown(wizard);

        assertThat(wizard.encoding.getValue()).isEqualTo(FileEncoding.WINDOWS_1252);
        assertThat(wizard.delimiter.getValue()).isEqualTo(Delimiter.SEMICOLON);
        assertThat(wizard.fileFacts.getText()).startsWith("contacts.csv (1 KB) · about 4 rows below the header");
        assertThat(wizard.previewGrid.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("Email", "Prénom", "Nom", "Organisation", "Notes", "Statut");
        // The delimiter can be changed: read with commas, the file is one column wide
        _setValue(wizard.delimiter, Delimiter.COMMA);
        previewShown(wizard, 1);
        _setValue(wizard.delimiter, Delimiter.SEMICOLON);
        previewShown(wizard, 6);

        _click(wizard.next);
        assertThat(wizard.step()).isEqualTo(ImportWizard.Step.COLUMNS);
        assertThat(wizard.columns.fields).extracting(select -> select.getValue()).containsExactly(ImportField.EMAIL,
                ImportField.FIRST_NAME, ImportField.LAST_NAME, ImportField.COMPANY, null, null);
        _setValue(wizard.columns.fields.get(5), ImportField.STATUS);

        _click(wizard.next);
        assertThat(wizard.step()).isEqualTo(ImportWizard.Step.OPTIONS);
        _setValue(wizard.options.existing, ExistingContacts.UPDATE);
        _setValue(wizard.options.target, OptionsStep.NEW_LIST);
        _setValue(wizard.options.newListName, "Fair 2025");
        Path uploaded = wizard.uploaded().path();
        _click(wizard.importButton);

        ImportResultDialog result = _get(ImportResultDialog.class);
        assertThat(_find(result, ListItem.class)).extracting(ListItem::getText).containsExactly(
                "Rows in contacts.csv: 4",
                "Contacts created: 1",
                "Contacts updated: 1",
                "Skipped as existing: 1 (1 synced with a CRM, which an import never changes)",
                "Rows rejected: 1",
                "Added to Fair 2025: 3");
        assertThat(result.rejectedRows.getText()).isEqualTo("Download the 1 rejected row as CSV");
        String rejected = new String(DownloadKt._download(result.rejectedRows), StandardCharsets.UTF_8);
        assertThat(rejected).isEqualTo("\uFEFFLine,Reason,Email,Prénom,Nom,Organisation,Notes,Statut\r\n"
                + "4,E-mail: Enter a valid e-mail address.,not-an-address,Bad,Row,,,\r\n");
        assertThat(Files.exists(uploaded)).as("the uploaded file after the import").isFalse();
        long list = data.jdbc().queryForObject("select id from contact_list where name = 'Fair 2025'", Long.class);
        long francois = data.jdbc().queryForObject("select id from contact where first_name = 'François' and last_name = 'Müller'",
                Long.class);
        assertThat(data.members(list)).containsExactlyInAnyOrder(ada, sue, francois);
        assertThat(data.jdbc().queryForObject("select company || ' ' || status from contact where id = ?", String.class, ada))
                .isEqualTo("New Co CUSTOMER");
        // The Contact Manager shows the new contact at once
        assertThat(_get(Span.class, spec -> spec.withClasses("match-count")).getText()).isEqualTo("3 contacts");

        Path rejectedFile = findRejectedFile(result);
        _click(result.close);
        assertThat(Files.exists(rejectedFile)).as("the rejected rows after the result is closed").isFalse();
    }

    @Test
    void cancelling_the_wizard_deletes_the_uploaded_file() {
        ImportWizard wizard = openWizard(Role.ADMIN);
        UploadKt._upload(wizard.upload, "contacts.csv", "Email,Name\nada@example.com,Ada\n".getBytes(StandardCharsets.UTF_8));
        previewShown(wizard);
        Path uploaded = wizard.uploaded().path();
        assertThat(Files.exists(uploaded)).isTrue();

        _click(wizard.cancel);

        assertThat(wizard.isOpened()).isFalse();
        assertThat(Files.exists(uploaded)).isFalse();
        assertThat(data.contactIds()).isEmpty();
    }

    @Test
    void without_a_column_for_the_email_address_the_wizard_does_not_go_on() {
        ImportWizard wizard = openWizard(Role.COMPANY_MANAGER);
        UploadKt._upload(wizard.upload, "people.csv",
                "Name,Mail,Company\nAda,ada@example.com,Acme\n".getBytes(StandardCharsets.UTF_8));
        previewShown(wizard);
        _click(wizard.next);

        _setValue(wizard.columns.fields.get(1), null);

        assertThat(wizard.next.isEnabled()).isFalse();
        assertThat(wizard.columns.problems.getText())
                .isEqualTo("Choose the column that holds the e-mail addresses: e-mail is required.");
        _setValue(wizard.columns.fields.get(1), ImportField.EMAIL);
        _setValue(wizard.columns.fields.get(2), ImportField.EMAIL);
        assertThat(wizard.next.isEnabled()).isFalse();
        assertThat(wizard.columns.problems.getText()).isEqualTo("E-mail is chosen for more than one column.");
        _setValue(wizard.columns.fields.get(2), ImportField.COMPANY);
        assertThat(wizard.next.isEnabled()).isTrue();
    }

    @Test
    void a_file_that_cannot_be_read_is_refused_at_the_upload_with_what_to_do() {
        ImportWizard wizard = openWizard(Role.ADMIN);

        UploadKt._upload(wizard.upload, "unicode.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 'E', 0, 'm', 0});
        waitFor(() -> wizard.error.isVisible());

        assertThat(wizard.step()).isEqualTo(ImportWizard.Step.UPLOAD);
        assertThat(wizard.error.getText()).contains("UTF-16").contains("CSV UTF-8");
        assertThat(wizard.next.isVisible() && wizard.next.isEnabled()).isFalse();
    }

    @Test
    void a_sales_manager_imports_without_the_list_options_and_a_salesperson_cannot_import() {
        ImportWizard wizard = openWizard(Role.SALES_MANAGER);
        UploadKt._upload(wizard.upload, "c.csv", "Email,First name,Last name\nada@example.com,Ada,Lovelace\n"
                .getBytes(StandardCharsets.UTF_8));
        previewShown(wizard);
        _click(wizard.next);
        _click(wizard.next);
        assertThat(wizard.options.target.isAttached()).isFalse();
        _click(wizard.importButton);
        assertThat(_find(_get(ImportResultDialog.class), ListItem.class)).extracting(ListItem::getText)
                .contains("Contacts created: 1");

        signInAs(Role.SALESPERSON);
        UI.getCurrent().navigate("");
        assertThat(_find(Button.class, spec -> spec.withText("Import contacts"))).as("a visible Import button").isEmpty();
    }

    @Test
    void a_new_list_whose_name_is_taken_is_refused_in_the_options_step() {
        data.manualList("Webinar");
        ImportWizard wizard = openWizard(Role.ADMIN);
        UploadKt._upload(wizard.upload, "c.csv", "Email,First name,Last name\nada@example.com,Ada,Lovelace\n"
                .getBytes(StandardCharsets.UTF_8));
        previewShown(wizard);
        _click(wizard.next);
        _click(wizard.next);
        _setValue(wizard.options.target, OptionsStep.NEW_LIST);
        _setValue(wizard.options.newListName, "webinar");

        _click(wizard.importButton);

        assertThat(wizard.isOpened()).isTrue();
        assertThat(wizard.options.newListName.getErrorMessage()).isEqualTo("A list with this name already exists");
        assertThat(data.contactIds()).isEmpty();
        expectNotifications();
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Lets the page take the preview the worker thread read, as the browser's next round trips would. */
    private static void previewShown(ImportWizard wizard) {
        waitFor(() -> wizard.step() == ImportWizard.Step.PREVIEW && !wizard.previewGrid.getColumns().isEmpty());
    }

    private static void previewShown(ImportWizard wizard, int columns) {
        waitFor(() -> wizard.previewGrid.getColumns().size() == columns);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        MockVaadin.clientRoundtrip();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The page never got what the worker thread read");
            }
            LockSupport.parkNanos(5_000_000);
            MockVaadin.clientRoundtrip();
        }
    }

    private static Path findRejectedFile(ImportResultDialog dialog) {
        try {
            java.lang.reflect.Field result = ImportResultDialog.class.getDeclaredField("result");
            result.setAccessible(true);
            return ((org.leadcrm.imports.ImportResult) result.get(dialog)).rejectedRows();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
