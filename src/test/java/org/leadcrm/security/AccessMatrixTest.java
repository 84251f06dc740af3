package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditFilter;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactDraft;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.deletion.BulkDeletionService;
import org.leadcrm.deletion.ContactDeletion;
import org.leadcrm.deletion.ContactSelection;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.export.ContactExportService;
import org.leadcrm.imports.ColumnMapping;
import org.leadcrm.imports.ContactImportService;
import org.leadcrm.imports.CsvLayout;
import org.leadcrm.imports.Delimiter;
import org.leadcrm.imports.ExistingContacts;
import org.leadcrm.imports.FileEncoding;
import org.leadcrm.imports.ImportOptions;
import org.leadcrm.imports.ImportRequest;
import org.leadcrm.imports.ListTarget;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.ListService;
import org.leadcrm.opportunity.OpportunityDraft;
import org.leadcrm.opportunity.OpportunityFilter;
import org.leadcrm.opportunity.OpportunityService;
import org.leadcrm.opportunity.OpportunitySort;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every service operation, called by every role, is allowed or refused exactly as PRODUCT.md's
 * roles table says (read from {@code roles-table.md}), and refused to nobody signed in. An
 * operation is "refused" when the service throws {@link AccessDeniedException}; anything else
 * it does with the test's made-up arguments (a list that does not exist, say) means the guard
 * let the call through. A new public service method fails the coverage test until it has a row.
 */
class AccessMatrixTest extends IntegrationTest {

    /** For what every signed-in user may do that the table has no row for (reading users, auditing). */
    private static final String SIGNED_IN = "any signed-in user";
    /** For what no role may do, only the application at start-up (creating the demo users). */
    private static final String APPLICATION = "only the application itself";
    private static final long NO_SUCH_ID = 987_654_321L;

    private final ApplicationContext context;
    private final TransactionTemplate transaction;
    private final List<Operation> operations;

    AccessMatrixTest(TestData data, ApplicationContext context, TransactionTemplate transaction, ContactService contacts,
            ListService lists, BulkEditService bulkEdit, ListMemberService listMembers, ListOptionsService options, LeadDeletionService leads, ContactDeletion deletion,
            BulkDeletionService bulkDeletion, ContactExportService export, ContactImportService imports,
            OpportunityService opportunities, AuditService audit, UserService users) {
        super(data);
        this.context = context;
        this.transaction = transaction;
        String view = "view contacts and lists";
        String editContact = "create/edit a contact";
        String editLists = "create/edit a list, Bulk Edit into lists";
        String deleteLead = "delete a lead (one)";
        String removeAll = "Options: Remove All Contacts (either form)";
        String deleteAll = "Options: Permanently Delete All Contacts";
        String deleteAllAndList = "Options: Permanently Delete All Contacts and List";
        String deleteList = "Options: Delete List";
        String removeSelected = "remove selected members from a list (bulk)";
        String deleteMatching = "delete all contacts matching a filter (bulk, from the Contact Manager)";
        String exportCsv = "export contacts to CSV";
        String administer = "manage users, unlock accounts, view the audit log";
        String importContacts = "import contacts from CSV";
        Path noFile = Path.of("no-such-upload.csv");
        ImportRequest importRequest = new ImportRequest(new CsvLayout(FileEncoding.UTF_8, Delimiter.COMMA),
                ColumnMapping.fromHeader(List.of("Email")), new ImportOptions(ExistingContacts.SKIP, null, ListTarget.NONE));
        String viewOpportunities = "view/edit opportunities";
        String editOpportunity = "create/edit an opportunity";
        String deleteOpportunity = "delete an opportunity";
        OpportunityDraft deal = OpportunityDraft.of("Deal", BigDecimal.TEN, Set.of(NO_SUCH_ID));
        String ownPassword = "change their own password";
        this.operations = List.of(
                new Operation(ContactService.class, "find", view,
                        () -> contacts.find(ContactFilter.ALL, ContactSort.NAME, true, 0, 10)),
                new Operation(ContactService.class, "count", view, () -> contacts.count(ContactFilter.ALL)),
                new Operation(ContactService.class, "findRow", view, () -> contacts.findRow(NO_SUCH_ID)),
                new Operation(ContactService.class, "conditionFor", view, () -> contacts.conditionFor(ContactFilter.ALL)),
                new Operation(ContactService.class, "selectionCondition", view,
                        () -> contacts.selectionCondition(BulkSelection.matching(ContactFilter.ALL))),
                new Operation(ContactService.class, "describe", view, () -> contacts.describe(ContactFilter.ALL)),
                new Operation(ContactService.class, "create", editContact,
                        () -> contacts.create(ContactDraft.of("Ada", "Lovelace", "ada" + System.nanoTime() + "@example.com"))),
                new Operation(ContactService.class, "details", view, () -> contacts.details(NO_SUCH_ID)),
                new Operation(ContactService.class, "update", editContact,
                        () -> contacts.update(NO_SUCH_ID, 0, ContactDraft.of("Ada", "Lovelace", "ada@example.com"))),
                new Operation(ListMemberService.class, "membershipsOf", view, () -> listMembers.membershipsOf(NO_SUCH_ID)),
                new Operation(ListService.class, "find", view, () -> lists.find("", 0, 10)),
                new Operation(ListService.class, "count", view, () -> lists.count("")),
                new Operation(ListService.class, "findSummary", view, () -> lists.findSummary(NO_SUCH_ID)),
                new Operation(ListService.class, "findDetails", view, () -> lists.findDetails(NO_SUCH_ID)),
                new Operation(ListService.class, "choices", view, lists::choices),
                new Operation(ListMemberService.class, "findExclusions", view, () -> listMembers.findExclusions(NO_SUCH_ID, 0, 10)),
                new Operation(ListMemberService.class, "countExclusions", view, () -> listMembers.countExclusions(NO_SUCH_ID)),
                new Operation(ListService.class, "create", editLists,
                        () -> lists.create(ListDraft.manual("List " + System.nanoTime(), null))),
                new Operation(ListService.class, "update", editLists,
                        () -> lists.update(NO_SUCH_ID, ListDraft.manual("Renamed", null))),
                new Operation(ListService.class, "rebuild", editLists, () -> lists.rebuild(NO_SUCH_ID)),
                new Operation(BulkEditService.class, "addContacts", editLists,
                        () -> bulkEdit.addContacts(NO_SUCH_ID, BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE)),
                new Operation(BulkEditService.class, "addContactsToNewList", editLists,
                        () -> bulkEdit.addContactsToNewList(ListDraft.manual("New " + System.nanoTime(), null),
                                BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE)),
                new Operation(BulkEditService.class, "addToList", editLists,
                        () -> transaction.executeWithoutResult(status ->
                                bulkEdit.addToList(NO_SUCH_ID, ContactCondition.stagedByImport(NO_SUCH_ID)))),
                new Operation(ContactImportService.class, "preview", importContacts, () -> imports.preview(noFile, null)),
                new Operation(ContactImportService.class, "importContacts", importContacts,
                        () -> imports.importContacts(noFile, importRequest, ProgressListener.NONE)),
                new Operation(ListMemberService.class, "removeMember", editLists, () -> listMembers.removeMember(NO_SUCH_ID, NO_SUCH_ID)),
                new Operation(ListMemberService.class, "removeMembers", removeSelected,
                        () -> listMembers.removeMembers(NO_SUCH_ID, BulkSelection.matching(ContactFilter.ALL), true,
                                ProgressListener.NONE)),
                new Operation(ListMemberService.class, "addExclusion", editLists, () -> listMembers.addExclusion(NO_SUCH_ID, NO_SUCH_ID)),
                new Operation(ListMemberService.class, "removeExclusion", editLists,
                        () -> listMembers.removeExclusion(NO_SUCH_ID, NO_SUCH_ID)),
                new Operation(ListOptionsService.class, "removeAllContacts", removeAll,
                        () -> options.removeAllContacts(NO_SUCH_ID, false, ProgressListener.NONE)),
                new Operation(ListOptionsService.class, "previewDeletion", deleteAll, () -> options.previewDeletion(NO_SUCH_ID)),
                new Operation(ListOptionsService.class, "deleteAllContacts", deleteAll,
                        () -> options.deleteAllContacts(NO_SUCH_ID, 0, 0, false, ProgressListener.NONE)),
                new Operation(ListOptionsService.class, "deleteAllContacts", deleteAllAndList,
                        () -> options.deleteAllContacts(NO_SUCH_ID, 0, 0, true, ProgressListener.NONE)),
                new Operation(ListOptionsService.class, "deleteList", deleteList,
                        () -> options.deleteList(NO_SUCH_ID, ProgressListener.NONE)),
                new Operation(LeadDeletionService.class, "opportunitiesDeletedWith", deleteLead,
                        () -> leads.opportunitiesDeletedWith(NO_SUCH_ID)),
                new Operation(LeadDeletionService.class, "deleteLead", deleteLead, () -> leads.deleteLead(NO_SUCH_ID)),
                new Operation(BulkDeletionService.class, "previewDeletion", deleteMatching,
                        () -> bulkDeletion.previewDeletion(BulkSelection.matching(ContactFilter.ALL))),
                new Operation(BulkDeletionService.class, "deleteSelected", deleteMatching,
                        () -> bulkDeletion.deleteSelected(BulkSelection.of(Set.of(NO_SUCH_ID)), 1, 0, ProgressListener.NONE)),
                new Operation(ContactExportService.class, "exportSelection", exportCsv,
                        () -> exportQuietly(() -> export.exportSelection(BulkSelection.matching(ContactFilter.ALL),
                                OutputStream.nullOutputStream()))),
                new Operation(ContactExportService.class, "exportList", exportCsv,
                        () -> exportQuietly(() -> export.exportList(NO_SUCH_ID, OutputStream.nullOutputStream()))),
                new Operation(ContactDeletion.class, "preview", deleteLead,
                        () -> deletion.preview(ContactSelection.contact(NO_SUCH_ID))),
                new Operation(ContactDeletion.class, "delete", deleteLead,
                        () -> transaction.executeWithoutResult(status -> deletion.delete(ContactSelection.contact(NO_SUCH_ID),
                                ProgressListener.NONE, 1, ContactDeletion.STEPS))),
                new Operation(OpportunityService.class, "find", viewOpportunities,
                        () -> opportunities.find(OpportunityFilter.ALL, OpportunitySort.NAME, true, 0, 10)),
                new Operation(OpportunityService.class, "count", viewOpportunities, () -> opportunities.count(OpportunityFilter.ALL)),
                new Operation(OpportunityService.class, "ofContact", viewOpportunities, () -> opportunities.ofContact(NO_SUCH_ID)),
                new Operation(OpportunityService.class, "details", viewOpportunities, () -> opportunities.details(NO_SUCH_ID)),
                new Operation(OpportunityService.class, "create", editOpportunity, () -> opportunities.create(deal)),
                new Operation(OpportunityService.class, "update", editOpportunity, () -> opportunities.update(NO_SUCH_ID, 0, deal)),
                new Operation(OpportunityService.class, "delete", deleteOpportunity, () -> opportunities.delete(NO_SUCH_ID)),
                new Operation(AuditService.class, "record", SIGNED_IN,
                        () -> transaction.executeWithoutResult(status ->
                                audit.record(new AuditEvent(AuditOperation.DELETE_LEAD, null, null, 0, 0, 0, 0)))),
                new Operation(AuditService.class, "find", administer, () -> audit.find(AuditFilter.ALL, 0, 10)),
                new Operation(AuditService.class, "count", administer, () -> audit.count(AuditFilter.ALL)),
                new Operation(AuditService.class, "usernames", administer, audit::usernames),
                new Operation(UserService.class, "listUsers", view, users::listUsers),
                new Operation(UserService.class, "findByUsername", view, () -> users.findByUsername("nobody")),
                new Operation(UserService.class, "hasUsers", SIGNED_IN, users::hasUsers),
                new Operation(UserService.class, "createUser", administer,
                        () -> users.createUser("user" + System.nanoTime(), "Someone", "a long enough password", Role.SALESPERSON)),
                new Operation(UserService.class, "createDemoUser", APPLICATION,
                        () -> users.createDemoUser("demo" + System.nanoTime(), "Someone", "demo", Role.SALESPERSON)),
                new Operation(UserService.class, "findUsers", administer, () -> users.findUsers(UserSort.NAME, true, 0, 10)),
                new Operation(UserService.class, "countUsers", administer, users::countUsers),
                new Operation(UserService.class, "changeRole", administer, () -> users.changeRole("nobody", Role.SALESPERSON)),
                new Operation(UserService.class, "setActive", administer, () -> users.setActive("nobody", false)),
                new Operation(UserService.class, "resetPassword", administer,
                        () -> users.resetPassword("nobody", "a long enough password")),
                new Operation(UserService.class, "changeOwnPassword", ownPassword,
                        () -> users.changeOwnPassword("not the current password", "a long enough password", null)),
                new Operation(UserService.class, "unlock", administer, () -> users.unlock("nobody")),
                new Operation(UserService.class, "lockedUntil", administer, users::lockedUntil));
    }

    @Test
    void every_role_may_call_exactly_the_operations_its_row_of_the_roles_table_allows() {
        RolesTable table = RolesTable.read();
        for (Role role : Role.values()) {
            data.user(role);
        }
        List<String> wrong = new ArrayList<>();
        int pairs = 0;
        int allowed = 0;
        for (Operation operation : operations) {
            Set<Role> expected = switch (operation.action()) {
                case SIGNED_IN -> Set.of(Role.values());
                case APPLICATION -> Set.of();
                default -> table.allowed(operation.action());
            };
            for (Role role : Role.values()) {
                signIn(role);
                boolean refused = refused(operation);
                TestSecurityContextHolder.clearContext();
                pairs++;
                allowed += refused ? 0 : 1;
                if (refused == expected.contains(role)) {
                    wrong.add(operation.name() + " (" + operation.action() + ") by " + role.displayName()
                            + (refused ? ": refused" : ": allowed"));
                }
            }
        }
        System.out.printf("[access matrix] %d (role × operation) pairs checked: %d allowed, %d refused, %d not as the roles table says%n",
                pairs, allowed, pairs - allowed, wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(pairs).isEqualTo(operations.size() * Role.values().length);
    }

    @Test
    void nobody_signed_in_may_call_any_operation() {
        List<String> allowed = operations.stream()
                .filter(operation -> {
                    try {
                        operation.call().run();
                        return true;
                    } catch (AuthenticationException | AccessDeniedException refused) {
                        return false;
                    } catch (RuntimeException other) {
                        return true;
                    }
                })
                .map(Operation::name)
                .toList();

        assertThat(allowed).isEmpty();
    }

    @Test
    void every_action_the_table_names_is_checked_and_every_public_service_method_has_a_row() {
        Set<String> declared = new TreeSet<>();
        List<Class<?>> services = new ArrayList<>(Arrays.stream(context.getBeanNamesForAnnotation(Service.class))
                .map(name -> AopUtils.getTargetClass(context.getBean(name)))
                .filter(type -> Modifier.isPublic(type.getModifiers()) && type.getPackageName().startsWith("org.leadcrm"))
                .toList());
        services.add(ContactDeletion.class);
        for (Class<?> service : services) {
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    declared.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        Set<String> checked = operations.stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tableActionsChecked = operations.stream().map(Operation::action).collect(Collectors.toSet());

        assertThat(checked).isEqualTo(declared);
        assertThat(tableActionsChecked).contains("view contacts and lists", "create/edit a contact",
                "create/edit a list, Bulk Edit into lists", "delete a lead (one)",
                "Options: Remove All Contacts (either form)", "Options: Permanently Delete All Contacts",
                "Options: Permanently Delete All Contacts and List", "Options: Delete List",
                "remove selected members from a list (bulk)",
                "delete all contacts matching a filter (bulk, from the Contact Manager)", "import contacts from CSV",
                "manage users, unlock accounts, view the audit log", "view/edit opportunities",
                "create/edit an opportunity", "delete an opportunity", "change their own password",
                "export contacts to CSV");
    }

    private interface Export {
        long run() throws IOException;
    }

    /** An export to nowhere; an I/O failure would mean the guard let it through, as any other error. */
    private static void exportQuietly(Export export) {
        try {
            export.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean refused(Operation operation) {
        try {
            operation.call().run();
            return false;
        } catch (AccessDeniedException refused) {
            return true;
        } catch (RuntimeException passedTheGuard) {
            return false;
        }
    }

    /** A service method, the row of the roles table that governs it, and a call of it. */
    private record Operation(Class<?> service, String method, String action, Runnable call) {

        String name() {
            return service.getSimpleName() + "." + method;
        }
    }
}
