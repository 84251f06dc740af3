package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.deletion.BulkDeletionService;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.StatementFaults;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * All-or-nothing, proved statement by statement: every operation that changes contacts or
 * memberships in bulk is run with its first statement failing, then its second, and so on until
 * it runs through; after each failure every row of every table must be exactly as before.
 */
class FaultInjectionPropertyTest {

    private static final int TRIES = 4;
    private static final String DELETE_LEAD = "Delete a lead";
    private static final AtomicInteger FAULTS = new AtomicInteger();
    private static final AtomicInteger PARTIAL_CHANGES = new AtomicInteger();
    private static final AtomicInteger OPERATIONS = new AtomicInteger();

    private final ApplicationContext context = IntegrationTest.sharedContext();
    private final TestData data = context.getBean(TestData.class);
    private final ListOptionsService options = context.getBean(ListOptionsService.class);
    private final ListService lists = context.getBean(ListService.class);
    private final BulkEditService bulkEdit = context.getBean(BulkEditService.class);
    private final ListMemberService listMembers = context.getBean(ListMemberService.class);
    private final LeadDeletionService leads = context.getBean(LeadDeletionService.class);
    private final BulkDeletionService bulkDeletion = context.getBean(BulkDeletionService.class);

    @BeforeTry
    void signIn() {
        IntegrationTest.signIn(Role.ADMIN);
    }

    @AfterProperty
    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    @AfterContainer
    static void report() {
        System.out.printf("[fault injection] %d faults injected into the statements of %d operations: %d partial changes%n",
                FAULTS.get(), operationCount(), PARTIAL_CHANGES.get());
    }

    @Property(tries = TRIES)
    void a_failure_at_any_statement_of_a_bulk_operation_leaves_every_row_as_it_was(@ForAll("worlds") RandomWorld world) {
        for (Map.Entry<String, Consumer<RandomWorld.Ids>> operation : operations().entrySet()) {
            data.wipe();
            RandomWorld.Ids ids = world.create(data);
            if (operation.getKey().equals(DELETE_LEAD) && ids.synced().containsAll(ids.contacts())) {
                continue; // every contact is synced: there is no lead to delete
            }
            Map<String, List<String>> before = data.everyRow();
            for (int statement = 1; ; statement++) {
                StatementFaults.Outcome outcome = StatementFaults.runFailingStatement(statement,
                        () -> operation.getValue().accept(ids));
                if (!outcome.injected()) {
                    assertThat(outcome.thrown()).as(operation.getKey() + " without a fault").isNull();
                    assertThat(statement).as(operation.getKey() + " runs some statements").isGreaterThan(1);
                    break;
                }
                FAULTS.incrementAndGet();
                assertThat(outcome.thrown()).as(operation.getKey() + " failing at statement " + statement).isNotNull();
                Map<String, List<String>> after = data.everyRow();
                if (!after.equals(before)) {
                    PARTIAL_CHANGES.incrementAndGet();
                }
                assertThat(after).as(operation.getKey() + " failing at statement " + statement).isEqualTo(before);
            }
        }
    }

    /** Each operation, given the ids of a fresh world. */
    private Map<String, Consumer<RandomWorld.Ids>> operations() {
        Map<String, Consumer<RandomWorld.Ids>> operations = new LinkedHashMap<>();
        operations.put("Remove All Contacts", ids -> options.removeAllContacts(ids.target(), false, ProgressListener.NONE));
        operations.put("Remove All Contacts (Keep Exclusions)",
                ids -> options.removeAllContacts(ids.target(), true, ProgressListener.NONE));
        operations.put("Permanently Delete All Contacts", ids -> options.deleteAllContacts(ids.target(),
                data.members(ids.target()).size(), data.memberVersion(ids.target()), false, ProgressListener.NONE));
        operations.put("Permanently Delete All Contacts and List", ids -> options.deleteAllContacts(ids.target(),
                data.members(ids.target()).size(), data.memberVersion(ids.target()), true, ProgressListener.NONE));
        operations.put("Delete List", ids -> options.deleteList(ids.target(), ProgressListener.NONE));
        operations.put(DELETE_LEAD, ids -> leads.deleteLead(ids.contacts().stream()
                .filter(id -> !ids.synced().contains(id)).findFirst().orElseThrow()));
        operations.put("Bulk Edit into a list", ids -> bulkEdit.addContacts(ids.lists().get(0),
                BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE));
        operations.put("Bulk Edit into a new list", ids -> bulkEdit.addContactsToNewList(ListDraft.manual("Fresh", null),
                BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE));
        operations.put("Rule-based list applied to existing contacts", ids -> lists.create(ListDraft.ruleBased("Leads",
                null, new ListRules(null, null, null, ContactStatus.LEAD, null, null, null, null, null), true)));
        operations.put("Remove a member", ids -> listMembers.removeMember(ids.target(), ids.contacts().get(0)));
        operations.put("Exclude a contact", ids -> listMembers.addExclusion(ids.target(), ids.contacts().get(0)));
        operations.put("Delete all contacts matching a filter", ids -> bulkDeletion.deleteSelected(
                BulkSelection.matching(ContactFilter.ALL), ids.contacts().size(), sum(ids.contacts()), ProgressListener.NONE));
        operations.put("Delete ticked contacts", ids -> {
            List<Long> ticked = ids.contacts().subList(0, (ids.contacts().size() + 1) / 2);
            bulkDeletion.deleteSelected(BulkSelection.of(Set.copyOf(ticked)), ticked.size(), sum(ticked), ProgressListener.NONE);
        });
        operations.put("Remove the members matching a search", ids -> listMembers.removeMembers(ids.target(),
                BulkSelection.matching(ContactFilter.ALL.withListId(ids.target()).withSearch("first")), false,
                ProgressListener.NONE));
        operations.put("Remove ticked members and exclude them", ids -> listMembers.removeMembers(ids.target(),
                BulkSelection.of(Set.copyOf(ids.contacts())), true, ProgressListener.NONE));
        OPERATIONS.set(operations.size());
        return operations;
    }

    private static int operationCount() {
        return OPERATIONS.get();
    }

    private static long sum(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).sum();
    }

    @Provide
    Arbitrary<RandomWorld> worlds() {
        return RandomWorld.arbitrary();
    }
}
