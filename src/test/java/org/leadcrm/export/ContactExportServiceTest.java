package org.leadcrm.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.list.ListNotFoundException;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.ExportedCsv;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;

/**
 * Exporting contacts to CSV (PRODUCT.md, "Export contacts to CSV"): the file read back with Commons
 * CSV, column by column; which contacts it holds; the audit entry; and who may export.
 *
 * <pre>
 * Ada Lovelace: every field set, owned by Sam, synced with Salesforce; Alan Turing: a customer, no owner
 * Eve: cells a spreadsheet would run as formulas; "Smith, ""Jr.""\nSecond line": a name to quote
 * list "Spring webinar": Ada, Eve
 * </pre>
 */
class ContactExportServiceTest extends IntegrationTest {

    private static final Instant CREATED = Instant.parse("2025-06-02T09:15:30Z");
    private static final String TRICKY_LAST_NAME = "Smith, \"Jr.\"\nSecond line";

    private final ContactExportService service;
    private final Clock clock;

    private long ada;
    private long alan;
    private long eve;
    private long tricky;
    private long webinar;

    ContactExportServiceTest(TestData data, ContactExportService service, Clock clock) {
        super(data);
        this.service = service;
        this.clock = clock;
    }

    @BeforeEach
    void contactsAndAList() {
        long sam = data.user("sam", Role.SALESPERSON).id();
        ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").phone("020 7946 0000")
                .company("Analytical Engines").city("London").country("United Kingdom").status(ContactStatus.QUALIFIED)
                .score(87).owner(sam).synced(CrmSystem.SALESFORCE).createdAt(CREATED).create();
        alan = data.contact().name("Alan", "Turing").status(ContactStatus.CUSTOMER).create();
        eve = data.contact().name("=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1)").email("eve@example.com")
                .phone("+44 20 7946 0001").company("-1+1").city("\tTabbed").country("\rReturned").create();
        tricky = data.contact().name("Zoë", TRICKY_LAST_NAME).create();
        webinar = data.manualList("Spring webinar");
        data.addMembers(webinar, ada, eve);
        signIn(Role.SALES_MANAGER);
    }

    private ExportedCsv export(BulkSelection selection) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = service.exportSelection(selection, out);
        ExportedCsv csv = ExportedCsv.read(out.toByteArray());
        assertThat(csv.rows()).hasSize((int) rows);
        return csv;
    }

    private Map<String, String> rowOf(ExportedCsv csv, String firstName) {
        return csv.rows().stream().filter(row -> row.get("First name").equals(firstName)).findFirst().orElseThrow();
    }

    @Test
    void the_file_starts_with_a_byte_order_mark_and_a_header_and_has_every_column_of_a_contact() throws IOException {
        ExportedCsv csv = export(BulkSelection.matching(ContactFilter.ALL));

        assertThat(csv.header()).containsExactly("First name", "Last name", "E-mail", "Phone", "Company", "City",
                "Country", "Status", "Owner", "Lead score", "Synced CRM", "CRM record id", "Created");
        String created = LocalDateTime.ofInstant(CREATED, clock.getZone()).toString().replace('T', ' ');
        assertThat(rowOf(csv, "Ada")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("First name", "Ada"), Map.entry("Last name", "Lovelace"), Map.entry("E-mail", "ada@example.com"),
                Map.entry("Phone", "020 7946 0000"), Map.entry("Company", "Analytical Engines"),
                Map.entry("City", "London"), Map.entry("Country", "United Kingdom"), Map.entry("Status", "Qualified"),
                Map.entry("Owner", "User sam"), Map.entry("Lead score", "87"), Map.entry("Synced CRM", "Salesforce"),
                Map.entry("CRM record id", data.jdbc().queryForObject(
                        "select external_id from contact where id = ?", String.class, ada)),
                Map.entry("Created", created)));
        assertThat(created).as("the date and time in the application's zone").matches("2025-06-0[12] \\d\\d:\\d5:30");
        Map<String, String> alansRow = rowOf(csv, "Alan");
        assertThat(alansRow.get("Status")).isEqualTo("Customer");
        assertThat(List.of(alansRow.get("Owner"), alansRow.get("Phone"), alansRow.get("Synced CRM"),
                alansRow.get("CRM record id"))).as("what a contact does not have is empty").containsOnly("");
        assertThat(csv.column("First name")).as("in the order they were created")
                .containsExactly("Ada", "Alan", "'=HYPERLINK(\"http://evil.example\",\"x\")", "Zoë");
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe() throws IOException {
        Map<String, String> row = rowOf(export(BulkSelection.of(Set.of(eve))), "'=HYPERLINK(\"http://evil.example\",\"x\")");

        assertThat(row).containsEntry("Last name", "'@SUM(A1)").containsEntry("Phone", "'+44 20 7946 0001")
                .containsEntry("Company", "'-1+1").containsEntry("City", "'\tTabbed").containsEntry("Country", "'\rReturned")
                .containsEntry("E-mail", "eve@example.com");
    }

    @Test
    void a_name_with_a_comma_a_quote_and_a_line_break_survives_the_round_trip() throws IOException {
        ExportedCsv csv = export(BulkSelection.of(Set.of(tricky)));

        assertThat(csv.rows()).hasSize(1);
        assertThat(csv.rows().get(0)).containsEntry("First name", "Zoë").containsEntry("Last name", TRICKY_LAST_NAME);
    }

    @Test
    void only_the_contacts_of_the_selection_are_in_the_file() throws IOException {
        assertThat(export(BulkSelection.matching(ContactFilter.ALL.withStatus(ContactStatus.CUSTOMER)))
                .column("Last name")).containsExactly("Turing");
        assertThat(export(BulkSelection.of(Set.of(ada, alan))).column("Last name")).containsExactly("Lovelace", "Turing");
        assertThat(export(BulkSelection.matching(ContactFilter.ALL.withSearch("nobody"))).rows()).isEmpty();
    }

    @Test
    void a_lists_export_holds_its_members_and_names_the_list_in_the_audit_log() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = service.exportList(webinar, out);

        assertThat(rows).isEqualTo(2);
        assertThat(ExportedCsv.read(out.toByteArray()).column("E-mail")).containsExactly("ada@example.com", "eve@example.com");
        assertThat(auditEntries()).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("operation", AuditOperation.EXPORT_CONTACTS.name())
                .containsEntry("username", "sales_manager")
                .containsEntry("list_id", webinar)
                .containsEntry("list_name", "Spring webinar")
                .containsEntry("subject", "the list's members")
                .containsEntry("contacts_affected", 2L));
    }

    @Test
    void each_export_of_a_selection_is_audited_with_its_filter_or_ticked_rows_and_its_row_count() throws IOException {
        export(BulkSelection.matching(ContactFilter.ALL.withStatus(ContactStatus.LEAD).withSearch("eve")));
        export(BulkSelection.of(Set.of(ada, alan)));

        assertThat(auditEntries()).extracting(entry -> entry.get("subject"), entry -> entry.get("contacts_affected"),
                        entry -> entry.get("list_id"))
                .containsExactly(
                        Tuple.tuple("filter: status Lead, search text given", 1L, null),
                        Tuple.tuple("2 ticked rows", 2L, null));
    }

    @Test
    void a_download_broken_off_is_audited_with_the_rows_sent_and_the_error_goes_on_to_the_caller() {
        data.contacts(3_000);
        OutputStream breaksAfter64Kb = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 64 * 1024) {
                    throw new IOException("Connection reset by peer");
                }
            }
        };

        assertThatThrownBy(() -> service.exportSelection(BulkSelection.matching(ContactFilter.ALL), breaksAfter64Kb))
                .isInstanceOf(IOException.class);

        assertThat(auditEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.get("subject")).isEqualTo("filter: no filter (download broken off)");
            assertThat((Long) entry.get("contacts_affected")).isBetween(1L, 3_003L);
        });
    }

    @Test
    void thousands_of_contacts_stream_through_in_full() throws IOException {
        List<Long> many = data.contacts(5_000);

        ExportedCsv csv = export(BulkSelection.matching(ContactFilter.ALL));

        assertThat(csv.rows()).hasSize(5_004);
        assertThat(new HashSet<>(csv.column("E-mail"))).hasSize(5_004);
        assertThat(many).hasSize(5_000);
    }

    @Test
    void a_selection_of_no_rows_or_a_list_that_is_gone_is_refused_before_anything_is_written() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> service.exportSelection(BulkSelection.of(Set.of()), out))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> service.exportList(987_654_321L, out)).isInstanceOf(ListNotFoundException.class);

        assertThat(out.size()).isZero();
        assertThat(auditEntries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALESPERSON", "JR_SALESPERSON"})
    void salespeople_may_not_export(Role role) {
        signIn(role);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> service.exportSelection(BulkSelection.matching(ContactFilter.ALL), out))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.exportList(webinar, out)).isInstanceOf(AccessDeniedException.class);

        assertThat(out.size()).as("not a byte").isZero();
        assertThat(auditEntries()).isEmpty();
    }

    private List<Map<String, Object>> auditEntries() {
        return data.jdbc().queryForList("select * from audit_entry order by id").stream()
                .map(ContactExportServiceTest::lowerCaseKeys).toList();
    }

    /** H2 names columns in upper case. */
    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT),
                value instanceof Number number && !(value instanceof Long) ? number.longValue() : value));
        return lower;
    }
}
