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

class AuditServiceTest extends IntegrationTest {

    private final AuditService audit;
    private final LeadDeletionService leads;
    private final ListOptionsService options;

    AuditServiceTest(TestData data, AuditService audit, LeadDeletionService leads, ListOptionsService options) {
        super(data);
        this.audit = audit;
        this.leads = leads;
        this.options = options;
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

    @ParameterizedTest
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = "ADMIN")
    void only_an_administrator_may_view_the_audit_log(Role role) {
        signIn(role);

        assertThatThrownBy(() -> audit.find(AuditFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.usernames()).isInstanceOf(AccessDeniedException.class);
    }
}
