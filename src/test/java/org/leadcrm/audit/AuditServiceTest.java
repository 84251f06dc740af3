package org.leadcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;

class AuditServiceTest extends IntegrationTest {

    private final AuditService audit;
    private final LeadDeletionService leads;

    AuditServiceTest(TestData data, AuditService audit, LeadDeletionService leads) {
        super(data);
        this.audit = audit;
        this.leads = leads;
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_administrator_reads_the_audit_log_newest_first_and_filtered() {
        leads.deleteLead(data.contact("First", "Lead"));
        leads.deleteLead(data.contact("Second", "Lead"));

        assertThat(audit.count(AuditFilter.ALL)).isEqualTo(2);
        assertThat(audit.find(AuditFilter.ALL, 0, 10)).hasSize(2)
                .allSatisfy(entry -> {
                    assertThat(entry.operation()).isEqualTo(AuditOperation.DELETE_LEAD);
                    assertThat(entry.username()).isEqualTo("admin");
                    assertThat(entry.contactsAffected()).isEqualTo(1);
                });
        assertThat(audit.count(new AuditFilter(AuditOperation.DELETE_LIST, null))).isZero();
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
