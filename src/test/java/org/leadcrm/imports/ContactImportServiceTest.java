package org.leadcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.export.ContactExportService;
import org.leadcrm.list.DuplicateListNameException;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.StatementFaults;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;

/**
 * Importing contacts from CSV files built here, as people's spreadsheets write them: what is
 * created, updated, skipped and rejected, what lands on the list, and that nothing at all is
 * imported when anything fails. Runs on H2 and on PostgreSQL (COPY).
 */
class ContactImportServiceTest extends IntegrationTest {

    private static final String HEADER = "E-mail,First Name,Last Name,Company Name,Phone,City,Country,Status,Lead Score,Owner\n";

    private final ContactImportService imports;
    private final ContactExportService exports;
    private final List<Path> rejectedFiles = new ArrayList<>();

    ContactImportServiceTest(TestData data, ContactImportService imports, ContactExportService exports) {
        super(data);
        this.imports = imports;
        this.exports = exports;
    }

    @AfterEach
    void deleteRejectedRowFiles() throws IOException {
        for (Path file : rejectedFiles) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_file_creates_its_contacts_in_a_new_list_and_the_audit_log_records_the_counts() {
        UserSummary marketing = data.user(Role.MARKETING_MANAGER);
        UserSummary sales = data.user(Role.SALESPERSON);
        signIn(Role.MARKETING_MANAGER);
        Path file = TestFiles.utf8WithBom(HEADER
                + "ada@example.com,Ada,Lovelace,Analytical Engines,+44 20 1234,London,UK,Qualified,80,salesperson\n"
                + "alan@example.com,Alan,Turing,Bletchley,,Manchester,UK,,,\n"
                + "grace@example.com,Grace,Hopper,US Navy,,Arlington,USA,customer,55,User salesperson\n");

        ImportResult result = run(file, ExistingContacts.SKIP, marketing.id(), ListTarget.newList("Trade fair", "Met at the fair"));

        assertThat(result).usingRecursiveComparison().ignoringFields("listId").isEqualTo(new ImportResult(3, 3, 0, 0, 0, 0,
                null, "Trade fair", 3, 0, 0, null));
        Map<String, Object> ada = contact("ada@example.com");
        assertThat(ada).containsEntry("FIRST_NAME", "Ada").containsEntry("LAST_NAME", "Lovelace")
                .containsEntry("COMPANY", "Analytical Engines").containsEntry("PHONE", "+44 20 1234")
                .containsEntry("CITY", "London").containsEntry("COUNTRY", "UK").containsEntry("STATUS", "QUALIFIED")
                .containsEntry("LEAD_SCORE", 80).containsEntry("OWNER_ID", sales.id()).containsEntry("CRM_SYSTEM", "NONE");
        assertThat(contact("alan@example.com")).containsEntry("STATUS", "LEAD").containsEntry("LEAD_SCORE", 0)
                .containsEntry("OWNER_ID", marketing.id()).containsEntry("PHONE", null);
        assertThat(contact("grace@example.com")).containsEntry("STATUS", "CUSTOMER").containsEntry("OWNER_ID", sales.id());
        assertThat(data.members(result.listId())).hasSize(3);
        assertThat(data.memberSources(result.listId()).values()).containsOnly("MANUAL");
        Map<String, Object> audit = data.jdbc().queryForMap("select * from audit_entry");
        assertThat(audit).containsEntry("OPERATION", AuditOperation.IMPORT_CONTACTS.name())
                .containsEntry("USERNAME", "marketing_manager").containsEntry("LIST_NAME", "Trade fair")
                .containsEntry("CONTACTS_AFFECTED", 3L).containsEntry("CONTACTS_ADDED", 3L)
                .containsEntry("SUBJECT", "CSV file of 3 rows: 3 created, 0 updated, 0 skipped as existing, 0 rejected");
        assertThat(stagedRows()).isZero();
    }

    @Test
    void windows_1252_accents_arrive_as_they_were_written() {
        signIn(Role.ADMIN);
        Path file = TestFiles.windows1252("Email;Prénom;Nom;Société;Ville\n"
                + "francois@example.fr;François;Müller;Société Générale;Besançon\n");

        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.NONE);

        assertThat(result.created()).isOne();
        assertThat(contact("francois@example.fr")).containsEntry("FIRST_NAME", "François").containsEntry("LAST_NAME", "Müller")
                .containsEntry("CITY", "Besançon").containsEntry("OWNER_ID", null);
    }

    @Test
    void a_semicolon_file_with_a_sep_line_and_quoted_line_breaks_imports_with_lines_counted_right() {
        signIn(Role.ADMIN);
        Path file = TestFiles.utf8("sep=;\r\nEmail;First name;Last name;Company\r\n"
                + "ada@example.com;Ada;Lovelace;\"Engines; \"\"Analytical\"\"\r\nand Difference\"\r\n"
                + "bad-address;Bob;Broken;Nowhere\r\n");

        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.NONE);

        assertThat(result.created()).isOne();
        assertThat(contact("ada@example.com")).containsEntry("COMPANY", "Engines; \"Analytical\"\r\nand Difference");
        assertThat(rejectedRows(result)).containsExactly(
                List.of("Line", "Reason", "Email", "First name", "Last name", "Company"),
                List.of("5", "E-mail: Enter a valid e-mail address.", "bad-address", "Bob", "Broken", "Nowhere"));
    }

    @Test
    void the_preview_matches_a_header_in_another_order_and_case_and_the_import_follows_it() {
        signIn(Role.COMPANY_MANAGER);
        Path file = TestFiles.utf8("COMPANY\tNotes\tLAST NAME\tEMAIL ADDRESS\tfirst_name\n"
                + "Acme\tcall back\tCurie\tmarie@example.com\tMarie\n");

        ImportPreview preview = imports.preview(file, null);
        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.NONE);

        assertThat(preview.layout()).isEqualTo(new CsvLayout(FileEncoding.UTF_8, Delimiter.TAB));
        assertThat(preview.header()).containsExactly("COMPANY", "Notes", "LAST NAME", "EMAIL ADDRESS", "first_name");
        assertThat(preview.rows()).containsExactly(List.of("Acme", "call back", "Curie", "marie@example.com", "Marie"));
        assertThat(preview.suggestedMapping().fields()).containsExactly(Map.entry(0, ImportField.COMPANY),
                Map.entry(2, ImportField.LAST_NAME), Map.entry(3, ImportField.EMAIL), Map.entry(4, ImportField.FIRST_NAME));
        assertThat(preview.estimatedRows()).isOne();
        assertThat(result.created()).isOne();
        assertThat(contact("marie@example.com")).containsEntry("FIRST_NAME", "Marie").containsEntry("LAST_NAME", "Curie")
                .containsEntry("COMPANY", "Acme");
    }

    @Test
    void an_address_repeated_in_the_file_is_kept_once_from_its_first_row_and_the_others_are_rejected() {
        signIn(Role.ADMIN);
        Path file = TestFiles.utf8(HEADER
                + "ada@example.com,Ada,Lovelace,First Co,,,,,,\n"
                + "alan@example.com,Alan,Turing,,,,,,,\n"
                + " ADA@Example.com ,Ada,Again,Second Co,,,,,,\n"
                + "ada@EXAMPLE.com,Ada,Thrice,Third Co,,,,,,\n");

        ImportResult result = run(file, ExistingContacts.UPDATE, null, ListTarget.NONE);

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(contact("ada@example.com")).containsEntry("LAST_NAME", "Lovelace").containsEntry("COMPANY", "First Co");
        assertThat(rejectedRows(result)).extracting(row -> row.subList(0, 2)).containsExactly(List.of("Line", "Reason"),
                List.of("4", "The e-mail address is repeated: it is first on line 2."),
                List.of("5", "The e-mail address is repeated: it is first on line 2."));
    }

    @Test
    void existing_contacts_are_skipped_as_they_are_but_still_added_to_the_list() {
        long ada = data.contact().name("Ada", "Lovelace").email("Ada@Example.com").company("Old Co").create();
        long list = data.manualList("Webinar");
        signIn(Role.ADMIN);
        Map<String, Object> before = contact("ada@example.com");
        Path file = TestFiles.utf8(HEADER
                + "ada@example.com,Augusta,King,New Co,,,,Customer,99,\n"
                + "alan@example.com,Alan,Turing,,,,,,,\n");

        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.existing(list));

        assertThat(result).usingRecursiveComparison().isEqualTo(new ImportResult(2, 1, 0, 1, 0, 0, list, "Webinar", 2, 0, 0,
                null));
        assertThat(contact("ada@example.com")).isEqualTo(before);
        assertThat(data.members(list)).contains(ada).hasSize(2);
    }

    @Test
    void existing_contacts_are_updated_from_non_blank_cells_and_blank_cells_erase_nothing() {
        UserSummary sales = data.user(Role.SALESPERSON);
        data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Old Co").city("London").country("UK")
                .score(10).create();
        signIn(Role.ADMIN);
        Map<String, Object> before = contact("ada@example.com");
        Path file = TestFiles.utf8(HEADER + "ADA@example.com,,Byron,New Co,+44 1,,  ,Contacted,75,salesperson\n");

        ImportResult result = run(file, ExistingContacts.UPDATE, null, ListTarget.NONE);

        assertThat(result.updated()).isOne();
        assertThat(result.created()).isZero();
        assertThat(contact("ada@example.com"))
                .containsEntry("FIRST_NAME", "Ada").containsEntry("LAST_NAME", "Byron").containsEntry("EMAIL", "ADA@example.com")
                .containsEntry("COMPANY", "New Co").containsEntry("PHONE", "+44 1").containsEntry("CITY", "London")
                .containsEntry("COUNTRY", "UK").containsEntry("STATUS", "CONTACTED").containsEntry("LEAD_SCORE", 75)
                .containsEntry("OWNER_ID", sales.id()).containsEntry("VERSION", (Long) before.get("VERSION") + 1)
                .containsEntry("CREATED_AT", before.get("CREATED_AT"));
    }

    @Test
    void a_file_exported_from_leadcrm_imports_back_without_the_apostrophes_that_kept_its_cells_from_being_formulas()
            throws IOException {
        data.contact().name("Ada", "Lovelace").email("ada@example.com").company("-Minus Ltd").phone("+44 20 7946 0000")
                .create();
        signIn(Role.ADMIN);
        Map<String, Object> before = contact("ada@example.com");
        Path file = Files.createTempFile("exported", ".csv");
        rejectedFiles.add(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            exports.exportSelection(BulkSelection.matching(ContactFilter.ALL), out);
        }
        assertThat(Files.readString(file)).contains("'+44 20 7946 0000", "'-Minus Ltd");

        ImportResult result = run(file, ExistingContacts.UPDATE, null, ListTarget.NONE);

        assertThat(result.updated()).isOne();
        assertThat(result.rejected()).isZero();
        assertThat(contact("ada@example.com")).containsEntry("PHONE", "+44 20 7946 0000")
                .containsEntry("COMPANY", "-Minus Ltd").containsEntry("FIRST_NAME", before.get("FIRST_NAME"))
                .containsEntry("STATUS", before.get("STATUS")).containsEntry("OWNER_ID", before.get("OWNER_ID"));
    }

    @Test
    void a_row_without_a_name_updates_an_existing_contact_but_cannot_create_one() {
        data.contact().name("Ada", "Lovelace").email("ada@example.com").create();
        signIn(Role.ADMIN);
        Path file = TestFiles.utf8("Email,Company\nada@example.com,New Co\nnobody@example.com,Ghost Inc\n");

        ImportResult result = run(file, ExistingContacts.UPDATE, null, ListTarget.NONE);

        assertThat(result.updated()).isOne();
        assertThat(result.created()).isZero();
        assertThat(contact("ada@example.com")).containsEntry("COMPANY", "New Co").containsEntry("FIRST_NAME", "Ada");
        assertThat(rejectedRows(result)).element(1)
                .isEqualTo(List.of("3", "No first or last name: a new contact needs both.", "nobody@example.com", "Ghost Inc"));
    }

    @Test
    void synced_contacts_are_never_changed_by_an_import() {
        long sue = data.contact().name("Sue", "Sync").email("sue@example.com").company("CRM Co")
                .synced(CrmSystem.SALESFORCE).create();
        long list = data.manualList("Webinar");
        signIn(Role.ADMIN);
        Map<String, Object> before = contact("sue@example.com");
        Path file = TestFiles.utf8(HEADER + "sue@example.com,Susan,Changed,Other Co,,,,Customer,90,\n");

        ImportResult result = run(file, ExistingContacts.UPDATE, null, ListTarget.existing(list));

        assertThat(result.updated()).isZero();
        assertThat(result.skippedExisting()).isOne();
        assertThat(result.syncedSkipped()).isOne();
        assertThat(contact("sue@example.com")).isEqualTo(before);
        assertThat(data.members(list)).containsExactly(sue);
    }

    @Test
    void the_list_keeps_out_the_contacts_it_excludes_as_bulk_edit_does() {
        long alan = data.contact().name("Alan", "Turing").email("alan@example.com").create();
        long eve = data.contact().name("Eve", "Excluded").email("eve@example.com").create();
        long list = data.manualList("Webinar");
        data.addMembers(list, alan);
        data.exclude(list, eve);
        long version = data.memberVersion(list);
        signIn(Role.MARKETING_MANAGER);
        Path file = TestFiles.utf8(HEADER + "alan@example.com,Alan,Turing,,,,,,,\neve@example.com,Eve,Excluded,,,,,,,\n"
                + "new@example.com,Nadia,New,,,,,,,\n");

        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.existing(list));

        assertThat(result.addedToList()).isOne();
        assertThat(result.alreadyOnList()).isOne();
        assertThat(result.excludedFromList()).isOne();
        assertThat(data.members(list)).containsExactlyInAnyOrder(alan, id("new@example.com"));
        assertThat(data.exclusions(list)).containsExactly(eve);
        assertThat(data.memberVersion(list)).isGreaterThan(version);
    }

    @Test
    void every_kind_of_bad_row_is_rejected_with_its_reason_and_its_cells_and_the_good_rows_are_imported() {
        data.user(Role.SALESPERSON);
        signIn(Role.ADMIN);
        String tooLong = "x".repeat(101);
        Path file = TestFiles.utf8(HEADER
                + "good@example.com,Good,Row,,,,,,,\n"
                + ",No,Address,,,,,,,\n"
                + "not-an-address,Bad,Address,,,,,,,\n"
                + "status@example.com,Odd,Status,,,,,Hot,,\n"
                + "owner@example.com,Odd,Owner,,,,,,,nobody\n"
                + "score@example.com,High,Score,,,,,,101,\n"
                + "words@example.com,Word,Score,,,,,,high,\n"
                + "long@example.com," + tooLong + ",Name,,,,,,,\n"
                + "wide@example.com,Too,Wide,,,,,,,,extra\n"
                + "noname@example.com,,,Acme,,,,,,\n"
                + "GOOD@example.com,Good,Again,,,,,,,\n"
                + "fine@example.com,Fine,Row,,,,,,,\n");

        ImportResult result = run(file, ExistingContacts.SKIP, null, ListTarget.NONE);

        assertThat(result.rows()).isEqualTo(12);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(10);
        assertThat(data.jdbc().queryForList("select email from contact order by email", String.class))
                .containsExactly("fine@example.com", "good@example.com");
        List<List<String>> rejected = rejectedRows(result);
        assertThat(rejected.get(0)).containsExactly("Line", "Reason", "E-mail", "First Name", "Last Name", "Company Name",
                "Phone", "City", "Country", "Status", "Lead Score", "Owner");
        assertThat(rejected.subList(1, rejected.size())).extracting(row -> row.get(0) + " " + row.get(1)).containsExactly(
                "3 No e-mail address.",
                "4 E-mail: Enter a valid e-mail address.",
                "5 Status: \"Hot\" is not a status (use Lead, Contacted, Qualified, Customer or Unqualified).",
                "6 Owner: there is no user \"nobody\".",
                "7 Lead score: Enter a lead score from 0 to 100.",
                "8 Lead score: \"high\" is not a whole number from 0 to 100.",
                "9 First name: At most 100 characters.",
                "10 The row has 11 cells where the header has 10 (a delimiter inside a value that is not in quotes?).",
                "11 No first or last name: a new contact needs both.",
                "12 The e-mail address is repeated: it is first on line 2.");
        assertThat(rejected.get(8)).containsExactly("10", rejected.get(8).get(1), "wide@example.com", "Too", "Wide", "", "",
                "", "", "", "", "", "extra");
        assertThat(rejected.get(7).get(3)).isEqualTo(tooLong);
    }

    @Test
    void a_sales_manager_may_import_but_not_into_a_list() {
        data.user(Role.SALES_MANAGER);
        signIn(Role.SALES_MANAGER);
        Path file = TestFiles.utf8(HEADER + "ada@example.com,Ada,Lovelace,,,,,,,\n");
        Map<String, List<String>> before = data.everyRow();

        assertThatThrownBy(() -> run(file, ExistingContacts.SKIP, null, ListTarget.newList("Mine", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.everyRow()).isEqualTo(before);

        assertThat(run(file, ExistingContacts.SKIP, null, ListTarget.NONE).created()).isOne();
    }

    @Test
    void a_new_list_whose_name_is_taken_is_refused_before_the_file_is_read() {
        data.manualList("Webinar");
        signIn(Role.ADMIN);
        Path file = TestFiles.utf8(HEADER + "ada@example.com,Ada,Lovelace,,,,,,,\n");

        assertThatThrownBy(() -> run(file, ExistingContacts.SKIP, null, ListTarget.newList("WEBINAR", null)))
                .isInstanceOf(DuplicateListNameException.class);
        assertThat(data.contactIds()).isEmpty();
    }

    @Test
    void a_file_that_cannot_be_read_to_its_end_imports_nothing_and_says_which_line() {
        long list = data.manualList("Webinar");
        data.contact().name("Ada", "Lovelace").email("ada@example.com").create();
        signIn(Role.ADMIN);
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            text.append("person").append(i).append("@example.com,Person,").append(i).append(",,,,,,,\n");
        }
        text.append("ada@example.com,Ada,Lovelace,\"Broken Co,,,,,,\n");
        Map<String, List<String>> before = data.everyRow();

        assertThatThrownBy(() -> run(TestFiles.utf8(text.toString()), ExistingContacts.UPDATE, null, ListTarget.existing(list)))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Line 2,502 starts a quoted value (\") that is never closed.");
        assertThat(data.everyRow()).isEqualTo(before);
    }

    @Test
    void a_failure_at_any_statement_of_an_import_leaves_every_row_as_it_was() {
        signIn(Role.ADMIN);
        Path file = TestFiles.utf8(HEADER + "alan@example.com,Alan,Turing,New,,,,,,\neve@example.com,Eve,E,,,,,,,\n"
                + "sue@example.com,Sue,S,,,,,,,\nnew@example.com,Nadia,New,,,,,,,\nbad,Bad,Row,,,,,,,\n"
                + "NEW@example.com,Nadia,Again,,,,,,,\nnoname@example.com,,,,,,,,,\n");
        int faults = 0;
        for (boolean intoNewList : List.of(true, false)) {
            data.wipe();
            data.contact().name("Alan", "Turing").email("alan@example.com").company("Old").create();
            long eve = data.contact().name("Eve", "Excluded").email("eve@example.com").create();
            data.contact().name("Sue", "Sync").email("sue@example.com").synced(CrmSystem.SUGARCRM).create();
            long list = data.manualList("Webinar");
            data.exclude(list, eve);
            ImportRequest request = request(file, ExistingContacts.UPDATE, null,
                    intoNewList ? ListTarget.newList("Imported", null) : ListTarget.existing(list));
            Map<String, List<String>> before = data.everyRow();
            for (int statement = 1; ; statement++) {
                StatementFaults.Outcome outcome = StatementFaults.runFailingStatement(statement,
                        () -> keepRejected(imports.importContacts(file, request, ProgressListener.NONE)));
                if (!outcome.injected()) {
                    assertThat(outcome.thrown()).as("the import without a fault").isNull();
                    break;
                }
                faults++;
                assertThat(outcome.thrown()).as("failing at statement " + statement).isNotNull();
                assertThat(data.everyRow()).as("failing at statement " + statement).isEqualTo(before);
            }
        }
        System.out.printf("[fault injection] %d faults injected into the statements of an import: no partial change%n",
                faults);
        assertThat(faults).isGreaterThan(10);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** The request the wizard makes of the detected layout and the suggested mapping, with these options. */
    private ImportRequest request(Path file, ExistingContacts existing, Long ownerId, ListTarget list) {
        ImportPreview preview = imports.preview(file, null);
        return new ImportRequest(preview.layout(), preview.suggestedMapping(), new ImportOptions(existing, ownerId, list));
    }

    private ImportResult run(Path file, ExistingContacts existing, Long ownerId, ListTarget list) {
        return keepRejected(imports.importContacts(file, request(file, existing, ownerId, list), ProgressListener.NONE));
    }

    private ImportResult keepRejected(ImportResult result) {
        if (result.rejectedRows() != null) {
            rejectedFiles.add(result.rejectedRows());
        }
        return result;
    }

    private List<List<String>> rejectedRows(ImportResult result) {
        assertThat(result.rejectedRows()).isNotNull();
        try (Reader reader = Files.newBufferedReader(result.rejectedRows(), StandardCharsets.UTF_8)) {
            assertThat((char) reader.read()).as("a byte order mark, for Excel").isEqualTo('\uFEFF');
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.EXCEL.parse(reader)) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Object> contact(String emailKey) {
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(data.jdbc().queryForMap("select * from contact where email_key = ?", emailKey));
        Map<String, Object> upper = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> upper.put(column.toUpperCase(java.util.Locale.ROOT), value));
        return upper;
    }

    private long id(String emailKey) {
        return data.jdbc().queryForObject("select id from contact where email_key = ?", Long.class, emailKey);
    }

    private long stagedRows() {
        return data.count("import_row") + data.count("import_reject");
    }
}
