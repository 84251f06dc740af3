package org.leadcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class AuditServiceTest extends IntegrationTest {

    private final AuditService audit;
    private final LeadDeletionService leads;
    private final ListOptionsService options;
    private final TransactionTemplate transaction;

    AuditServiceTest(TestData data, AuditService audit, LeadDeletionService leads, ListOptionsService options,
            TransactionTemplate transaction) {
        super(data);
        this.audit = audit;
        this.leads = leads;
        this.options = options;
        this.transaction = transaction;
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_administrator_reads_the_audit_log_newest_first_and_filtered() {
        long list = data.manualList("Webinar");
        leads.deleteLead(data.contact("First", "Lead"));
        options.deleteList(list, ProgressListener.NONE);

        assertThat(audit.count(AuditFilter.ALL)).isEqualTo(2);
        assertThat(audit.find(AuditFilter.ALL, 0, 10)).extracting(entry -> entry.event().operation())
                .containsExactly(AuditOperation.DELETE_LIST, AuditOperation.DELETE_LEAD);
        assertThat(audit.find(AuditFilter.ALL, 0, 10)).allSatisfy(entry -> assertThat(entry.username()).isEqualTo("admin"));
        assertThat(audit.find(new AuditFilter(AuditOperation.DELETE_LEAD, null), 0, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.event().contactsAffected()).isEqualTo(1));
        assertThat(audit.count(new AuditFilter(AuditOperation.REMOVE_ALL_CONTACTS, null))).isZero();
        assertThat(audit.count(new AuditFilter(null, "someone-else"))).isZero();
        assertThat(audit.usernames()).containsExactly("admin");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_entry_is_only_ever_written_inside_the_operation_it_records() {
        assertThatThrownBy(() -> audit.record(new AuditEvent(AuditOperation.DELETE_LIST, 1L, "List", 0, 0, 0, 0)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(data.count("audit_entry")).isZero();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void which_contacts_an_entry_is_about_is_kept_and_a_description_too_long_for_its_column_is_cut() {
        String longSubject = "all matching: " + "list " + "L".repeat(100) + ", owner " + "O".repeat(100);
        transaction.executeWithoutResult(status -> {
            audit.record(AuditEvent.contactsDeleted("all matching: status Lead, search text given", 5, 1, 2));
            audit.record(AuditEvent.membersRemoved(7L, "Webinar", longSubject, 3, 2));
        });

        assertThat(audit.find(AuditFilter.ALL, 0, 10)).extracting(AuditRecord::event).containsExactlyInAnyOrder(
                new AuditEvent(AuditOperation.DELETE_SELECTED_CONTACTS, null, null, 5, 1, 2, 0, 0, null,
                        "all matching: status Lead, search text given", 0),
                new AuditEvent(AuditOperation.REMOVE_SELECTED_MEMBERS, 7L, "Webinar", 3, 0, 0, 0, 0, null,
                        longSubject.substring(0, AuditService.SUBJECT_MAX_LENGTH - 1) + "…", 2));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = "ADMIN")
    void only_an_administrator_may_view_the_audit_log(Role role) {
        signIn(role);

        assertThatThrownBy(() -> audit.find(AuditFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.usernames()).isInstanceOf(AccessDeniedException.class);
    }
}
