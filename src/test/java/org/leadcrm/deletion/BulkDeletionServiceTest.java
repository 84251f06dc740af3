package org.leadcrm.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.list.ListChangedException;
import org.leadcrm.list.ListDeletionPreview;
import org.leadcrm.list.ListOperationResult;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.Concurrently;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.StatementFaults;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;

/**
 * Deleting contacts from the Contact Manager, ticked or all matching a filter, against PRODUCT.md
 * ("Beyond the seed"): what goes and what stays in every table, the count checked again inside the
 * transaction, the audit entry, and who may. Every test starts from the same small world:
 *
 * <pre>
 * owned by Sam: ada, alan (leads), sid (a synced lead), carl (a customer); olga: a lead of nobody
 * list "Webinar": ada, carl;  list "Newsletter" excludes alan
 * opportunities: onlyAda (ada), adaAndCarl (ada, carl), alanAndSid (alan, sid)
 * </pre>
 */
class BulkDeletionServiceTest extends IntegrationTest {

    private static final long TIMEOUT_SECONDS = Concurrently.TIMEOUT_SECONDS;

    private final BulkDeletionService service;
    private final ListOptionsService options;
    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    private long sam;
    private long ada;
    private long alan;
    private long sid;
    private long carl;
    private long olga;
    private long webinar;
    private long newsletter;
    private long onlyAda;
    private long adaAndCarl;
    private long alanAndSid;
    private ContactFilter samsLeads;

    BulkDeletionServiceTest(TestData data, BulkDeletionService service, ListOptionsService options) {
        super(data);
        this.service = service;
        this.options = options;
    }

    @BeforeEach
    void samsContactsOnListsAndOpportunities() {
        sam = data.user("sam", Role.SALESPERSON).id();
        ada = data.contact().name("Ada", "Lovelace").company("Acme").owner(sam).create();
        alan = data.contact().name("Alan", "Turing").owner(sam).create();
        sid = data.contact().name("Sid", "Synced").owner(sam).synced(CrmSystem.SALESFORCE).create();
        carl = data.contact().name("Carl", "Customer").owner(sam).status(ContactStatus.CUSTOMER).create();
        olga = data.contact("Olga", "Other");
        webinar = data.manualList("Webinar");
        newsletter = data.manualList("Newsletter");
        data.addMembers(webinar, ada, carl);
        data.exclude(newsletter, alan);
        onlyAda = data.opportunity("Only Ada", ada);
        adaAndCarl = data.opportunity("Ada and Carl", ada, carl);
        alanAndSid = data.opportunity("Alan and Sid", alan, sid);
        samsLeads = ContactFilter.ALL.withStatus(ContactStatus.LEAD).withOwnerId(sam);
        signIn(Role.ADMIN);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void the_preview_counts_the_selection_its_synced_contacts_and_the_opportunities_that_go() {
        SelectionDeletionPreview shown = service.previewDeletion(BulkSelection.matching(samsLeads));

        assertThat(shown.preview()).isEqualTo(new DeletionPreview(3, 1, 1));
        assertThat(shown.checksum()).isEqualTo(ada + alan + sid);
    }

    @Test
    void deleting_all_matching_a_filter_deletes_the_non_synced_matches_everywhere_and_keeps_the_rest() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        SelectionDeletionPreview shown = service.previewDeletion(selection);

        DeletionResult result = service.deleteSelected(selection, 3, shown.checksum(), ProgressListener.NONE);

        assertThat(result).isEqualTo(new DeletionResult(2, 1, 1));
        assertThat(data.contactIds()).containsExactlyInAnyOrder(sid, carl, olga);
        assertThat(data.members(webinar)).containsExactly(carl);
        assertThat(data.exclusions(newsletter)).as("a deleted contact leaves every list").isEmpty();
        assertThat(data.opportunityExists(onlyAda)).as("its only lead was deleted").isFalse();
        assertThat(data.opportunityLeads(adaAndCarl)).containsExactly(carl);
        assertThat(data.opportunityLeads(alanAndSid)).as("the synced lead stays").containsExactly(sid);
        assertThat(data.count("deletion_target")).isZero();
        assertAudit("all matching: status Lead, owner User sam", 2, 1, 1);
    }

    @Test
    void deleting_ticked_rows_deletes_exactly_those_but_the_synced_ones() {
        BulkSelection ticked = BulkSelection.of(Set.of(ada, sid, carl));
        SelectionDeletionPreview shown = service.previewDeletion(ticked);
        assertThat(shown.preview()).isEqualTo(new DeletionPreview(3, 1, 2));

        DeletionResult result = service.deleteSelected(ticked, 3, shown.checksum(), ProgressListener.NONE);

        assertThat(result).isEqualTo(new DeletionResult(2, 1, 2));
        assertThat(data.contactIds()).containsExactlyInAnyOrder(alan, sid, olga);
        assertThat(data.members(webinar)).isEmpty();
        assertThat(data.opportunityExists(adaAndCarl)).isFalse();
        assertThat(data.opportunityLeads(alanAndSid)).containsExactlyInAnyOrder(alan, sid);
        assertAudit("3 ticked rows", 2, 1, 2);
    }

    @Test
    void a_typed_count_that_differs_from_the_count_in_the_transaction_deletes_nothing() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        long checksum = service.previewDeletion(selection).checksum();
        TestData.Snapshot before = data.snapshot();

        for (long typed : List.of(2L, 4L, 0L)) {
            assertThatThrownBy(() -> service.deleteSelected(selection, typed, checksum, ProgressListener.NONE))
                    .isInstanceOfSatisfying(SelectionChangedException.class,
                            changed -> assertThat(changed.actualCount()).isEqualTo(3))
                    .hasMessage("The contacts selected changed while you were confirming — look again. 3 now match. "
                            + "Nothing was deleted.");
        }
        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Test
    void a_contact_that_starts_matching_while_the_confirmation_is_open_makes_the_delete_refuse() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        SelectionDeletionPreview shown = service.previewDeletion(selection);
        long latecomer = data.contact().name("Late", "Comer").owner(sam).create();
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> service.deleteSelected(selection, 3, shown.checksum(), ProgressListener.NONE))
                .isInstanceOf(SelectionChangedException.class)
                .hasMessageContaining("4 now match");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.contactExists(latecomer)).isTrue();
    }

    @Test
    void the_same_number_of_other_contacts_is_refused_too() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        SelectionDeletionPreview shown = service.previewDeletion(selection);
        // Ada becomes a customer and Olga one of Sam's leads: still three match, but not the three shown.
        data.jdbc().update("update contact set status = 'CUSTOMER' where id = ?", ada);
        data.jdbc().update("update contact set owner_id = ? where id = ?", sam, olga);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> service.deleteSelected(selection, 3, shown.checksum(), ProgressListener.NONE))
                .isInstanceOf(SelectionChangedException.class)
                .hasMessageContaining("3 now match");
        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Test
    void a_ticked_row_someone_else_deleted_meanwhile_makes_the_delete_refuse() {
        BulkSelection ticked = BulkSelection.of(Set.of(ada, alan));
        SelectionDeletionPreview shown = service.previewDeletion(ticked);
        service.deleteSelected(BulkSelection.of(Set.of(alan)), 1, alan, ProgressListener.NONE);

        assertThatThrownBy(() -> service.deleteSelected(ticked, 2, shown.checksum(), ProgressListener.NONE))
                .isInstanceOf(SelectionChangedException.class)
                .hasMessageContaining("1 now matches");
        assertThat(data.contactExists(ada)).isTrue();
    }

    @Test
    void a_list_confirmation_shown_before_the_delete_took_some_of_its_members_is_refused_afterwards() {
        ListDeletionPreview listShown = options.previewDeletion(webinar);
        BulkSelection selection = BulkSelection.of(Set.of(ada));
        service.deleteSelected(selection, 1, ada, ProgressListener.NONE);

        assertThat(data.memberVersion(webinar)).isGreaterThan(listShown.memberVersion());
        assertThatThrownBy(() -> options.deleteAllContacts(webinar, 1, listShown.memberVersion(), false,
                ProgressListener.NONE)).isInstanceOf(ListChangedException.class);
        assertThat(data.contactExists(carl)).isTrue();
    }

    @Test
    void a_failure_part_way_deletes_nothing() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        long checksum = service.previewDeletion(selection).checksum();
        TestData.Snapshot before = data.snapshot();
        List<String> phases = new ArrayList<>();
        ProgressListener failsWhileDeletingTheContacts = (phase, step, steps) -> {
            phases.add(phase);
            if (phase.equals("Deleting the contacts")) {
                throw new IllegalStateException("injected failure");
            }
        };

        assertThatThrownBy(() -> service.deleteSelected(selection, 3, checksum, failsWhileDeletingTheContacts))
                .hasMessage("injected failure");

        assertThat(phases).contains("Counting the selected contacts again", "Removing the contacts from every list");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.count("deletion_target")).isZero();
    }

    @Test
    void progress_is_reported_phase_by_phase_up_to_the_last_step() {
        BulkSelection selection = BulkSelection.matching(samsLeads);
        long checksum = service.previewDeletion(selection).checksum();
        List<int[]> steps = new ArrayList<>();

        service.deleteSelected(selection, 3, checksum, (phase, step, total) -> steps.add(new int[] {step, total}));

        assertThat(steps).extracting(step -> step[0]).isSorted().startsWith(1);
        assertThat(steps).extracting(step -> step[1]).containsOnly(BulkDeletionService.STEPS);
        assertThat(steps.get(steps.size() - 1)[0]).isEqualTo(BulkDeletionService.STEPS);
    }

    @ParameterizedTest(name = "all matching a filter: {0}")
    @ValueSource(booleans = {true, false})
    void ten_contacts_or_a_thousand_are_deleted_with_the_same_few_statements(boolean byFilter) {
        List<Long> batch = data.contacts(1_010);
        long ten = data.manualList("Ten");
        long thousand = data.manualList("Thousand");
        data.addMembers(ten, batch.subList(0, 10));
        data.addMembers(thousand, batch.subList(10, 1_010));
        BulkSelection few = byFilter ? BulkSelection.matching(ContactFilter.ALL.withListId(ten))
                : BulkSelection.of(Set.copyOf(batch.subList(0, 10)));
        BulkSelection many = byFilter ? BulkSelection.matching(ContactFilter.ALL.withListId(thousand))
                : BulkSelection.of(Set.copyOf(batch.subList(10, 1_010)));
        long fewChecksum = service.previewDeletion(few).checksum();
        long manyChecksum = service.previewDeletion(many).checksum();

        int forTen = StatementFaults.countStatements(() -> service.deleteSelected(few, 10, fewChecksum, ProgressListener.NONE));
        int forAThousand = StatementFaults.countStatements(
                () -> service.deleteSelected(many, 1_000, manyChecksum, ProgressListener.NONE));

        assertThat(forTen).isEqualTo(forAThousand).isLessThan(20);
        assertThat(data.contactIds()).doesNotContainAnyElementsOf(batch);
    }

    @Test
    void no_ticked_row_is_refused_with_a_reason() {
        assertThatThrownBy(() -> service.previewDeletion(BulkSelection.of(Set.of())))
                .isInstanceOf(UserFacingException.class).hasMessage("Select at least one contact.");
        assertThatThrownBy(() -> service.deleteSelected(BulkSelection.of(Set.of()), 0, 0, ProgressListener.NONE))
                .isInstanceOf(UserFacingException.class).hasMessage("Select at least one contact.");
    }

    @Test
    void the_audit_entry_describes_the_filter_without_its_search_text_or_anyones_data() {
        ContactFilter searched = samsLeads.withSearch("Lovel");
        BulkSelection selection = BulkSelection.matching(searched);
        SelectionDeletionPreview shown = service.previewDeletion(selection);

        service.deleteSelected(selection, 1, shown.checksum(), ProgressListener.NONE);

        assertThat(data.contactExists(ada)).isFalse();
        List<Map<String, Object>> entries = data.jdbc().queryForList("select * from audit_entry");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("subject")).isEqualTo("all matching: status Lead, owner User sam, search text given");
        assertThat(entries.get(0).values().toString()).contains("admin")
                .doesNotContain("Lovel", "Ada", "Acme", "@example.com");
    }

    @Test
    void a_delete_waits_for_the_bulk_work_that_holds_the_lock_then_counts_again() throws Exception {
        // A list's permanent delete takes Ada (a member of Webinar) while the Contact Manager's delete,
        // confirmed on Sam's three leads, waits for the bulk-work lock: counted after it, they are two.
        BulkSelection selection = BulkSelection.matching(samsLeads);
        SelectionDeletionPreview shown = service.previewDeletion(selection);
        CountDownLatch listDeleting = new CountDownLatch(1);
        CountDownLatch selectionWaiting = new CountDownLatch(1);
        CompletableFuture<ListOperationResult> listDelete = asAdmin(() -> options.deleteAllContacts(webinar, 2,
                data.memberVersion(webinar), false, (phase, step, steps) -> {
                    if (phase.equals("Deleting the contacts")) {
                        listDeleting.countDown();
                        Concurrently.await(selectionWaiting);
                    }
                }));
        Concurrently.await(listDeleting);

        ProgressListener saysItWaits = new ProgressListener() {
            @Override
            public void phase(String phase, int step, int steps) {
            }

            @Override
            public void waiting(String reason) {
                selectionWaiting.countDown();
            }
        };
        assertThatThrownBy(() -> service.deleteSelected(selection, 3, shown.checksum(), saysItWaits))
                .isInstanceOf(SelectionChangedException.class)
                .hasMessageContaining("2 now match");

        assertThat(listDelete.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(2);
        assertThat(selectionWaiting.getCount()).as("the delete said that it waited").isZero();
        assertThat(data.contactIds()).containsExactlyInAnyOrder(alan, sid, olga);
    }

    @Test
    void a_company_manager_may_delete_contacts_matching_a_filter() {
        signIn(Role.COMPANY_MANAGER);
        BulkSelection selection = BulkSelection.matching(samsLeads);
        SelectionDeletionPreview shown = service.previewDeletion(selection);

        assertThat(service.deleteSelected(selection, 3, shown.checksum(), ProgressListener.NONE).contactsDeleted())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void roles_other_than_administrator_and_company_manager_are_refused(Role role) {
        long checksum = service.previewDeletion(BulkSelection.matching(samsLeads)).checksum();
        signIn(role);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> service.previewDeletion(BulkSelection.matching(samsLeads)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.deleteSelected(BulkSelection.matching(samsLeads), 3, checksum,
                ProgressListener.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.deleteSelected(BulkSelection.of(Set.of(ada)), 1, ada, ProgressListener.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.snapshot()).isEqualTo(before);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void assertAudit(String subject, long deleted, long kept, long opportunities) {
        List<Map<String, Object>> entries = data.jdbc().queryForList("""
                select username, operation, list_id, list_name, subject, contacts_affected, contacts_kept,
                       opportunities_deleted, exclusions_removed, exclusions_added
                from audit_entry
                """);
        assertThat(entries).hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("username")).isEqualTo("admin");
        assertThat(entry.get("operation")).isEqualTo(AuditOperation.DELETE_SELECTED_CONTACTS.name());
        assertThat(entry.get("list_id")).isNull();
        assertThat(entry.get("list_name")).isNull();
        assertThat(entry.get("subject")).isEqualTo(subject);
        assertThat(((Number) entry.get("contacts_affected")).longValue()).isEqualTo(deleted);
        assertThat(((Number) entry.get("contacts_kept")).longValue()).isEqualTo(kept);
        assertThat(((Number) entry.get("opportunities_deleted")).longValue()).isEqualTo(opportunities);
        assertThat(((Number) entry.get("exclusions_removed")).longValue()).isZero();
    }

    private <T> CompletableFuture<T> asAdmin(Supplier<T> work) {
        return Concurrently.as(Role.ADMIN, threads, work);
    }
}
