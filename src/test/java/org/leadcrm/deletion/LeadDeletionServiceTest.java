package org.leadcrm.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin", roles = "ADMIN")
class LeadDeletionServiceTest extends IntegrationTest {

    private final LeadDeletionService leads;

    LeadDeletionServiceTest(TestData data, LeadDeletionService leads) {
        super(data);
        this.leads = leads;
    }

    @Test
    void deleting_a_lead_removes_it_from_every_list_exclusion_and_opportunity() {
        long lead = data.contact("Lena", "Lead");
        long colleague = data.contact("Carl", "Colleague");
        long first = data.manualList("First");
        long second = data.manualList("Second");
        long third = data.manualList("Third");
        data.addMembers(first, lead, colleague);
        data.addMembers(second, lead);
        data.exclude(third, lead);
        data.exclude(first, data.contact("Ed", "Excluded"));
        long shared = data.opportunity("Shared deal", lead, colleague);

        DeletionResult result = leads.deleteLead(lead);

        assertThat(result).isEqualTo(new DeletionResult(1, 0, 0));
        assertThat(data.contactExists(lead)).isFalse();
        assertThat(data.members(first)).containsExactly(colleague);
        assertThat(data.members(second)).isEmpty();
        assertThat(data.exclusions(third)).isEmpty();
        assertThat(data.exclusions(first)).hasSize(1);
        assertThat(data.opportunityExists(shared)).as("it has another lead").isTrue();
        assertThat(data.opportunityLeads(shared)).containsExactly(colleague);
        assertThat(data.contactExists(colleague)).isTrue();
        assertThat(data.count("deletion_target")).isZero();
    }

    @Test
    void a_staged_row_left_by_another_operation_never_deletes_its_contact() {
        long lead = data.contact("Lena", "Lead");
        long bystander = data.contact("Bea", "Bystander");
        // A row another operation staged (in a crash that left it, say): it is not this deletion's.
        data.jdbc().update("insert into deletion_target (operation_id, contact_id) values ('another-operation', ?)", bystander);

        leads.deleteLead(lead);

        assertThat(data.contactExists(lead)).isFalse();
        assertThat(data.contactExists(bystander)).isTrue();
        assertThat(data.count("deletion_target")).as("only this deletion's rows are tidied").isOne();
    }

    @Test
    void an_opportunity_whose_only_lead_is_deleted_is_deleted_too_and_named_beforehand() {
        long lead = data.contact("Lena", "Lead");
        long colleague = data.contact("Carl", "Colleague");
        long onlyLead = data.opportunity("Solo deal", lead);
        long alsoOnlyLead = data.opportunity("Another solo deal", lead);
        long shared = data.opportunity("Shared deal", lead, colleague);
        long unrelated = data.opportunity("Unrelated deal", colleague);

        assertThat(leads.opportunitiesDeletedWith(lead)).containsExactly("Another solo deal", "Solo deal");

        DeletionResult result = leads.deleteLead(lead);

        assertThat(result).isEqualTo(new DeletionResult(1, 0, 2));
        assertThat(data.opportunityExists(onlyLead)).isFalse();
        assertThat(data.opportunityExists(alsoOnlyLead)).isFalse();
        assertThat(data.opportunityExists(shared)).isTrue();
        assertThat(data.opportunityLeads(shared)).containsExactly(colleague);
        assertThat(data.opportunityExists(unrelated)).isTrue();
        assertThat(data.opportunityLeads(unrelated)).containsExactly(colleague);
    }

    @Test
    void an_opportunity_shared_with_a_synced_contact_stays() {
        long lead = data.contact("Lena", "Lead");
        long synced = data.syncedContact();
        long deal = data.opportunity("Deal", lead, synced);

        assertThat(leads.opportunitiesDeletedWith(lead)).isEmpty();
        leads.deleteLead(lead);

        assertThat(data.opportunityLeads(deal)).containsExactly(synced);
    }

    @Test
    void deleting_a_lead_touches_no_other_contact() {
        List<Long> others = data.contacts(3);
        long lead = data.contact("Lena", "Lead");

        leads.deleteLead(lead);

        assertThat(data.contactIds()).containsExactlyInAnyOrderElementsOf(others);
    }

    @Test
    void a_contact_synced_with_salesforce_cannot_be_deleted_here() {
        long synced = data.contact().synced(CrmSystem.SALESFORCE).create();
        long list = data.manualList("List");
        data.addMembers(list, synced);
        long deal = data.opportunity("Deal", synced);
        TestData.Snapshot before = data.snapshot();

        assertThatThrownBy(() -> leads.deleteLead(synced))
                .isInstanceOf(SyncedContactException.class)
                .hasMessage("Synced with Salesforce — delete it there.");
        assertThat(data.snapshot()).isEqualTo(before);
        assertThat(data.opportunityExists(deal)).isTrue();
    }

    @Test
    void a_contact_synced_with_sugarcrm_cannot_be_deleted_here() {
        long synced = data.contact().synced(CrmSystem.SUGARCRM).create();

        assertThatThrownBy(() -> leads.deleteLead(synced))
                .isInstanceOf(SyncedContactException.class)
                .hasMessage("Synced with SugarCRM — delete it there.");
        assertThat(data.contactExists(synced)).isTrue();
        assertThat(data.count("audit_entry")).isZero();
    }

    @Test
    void deleting_a_lead_someone_already_deleted_says_so() {
        long lead = data.contact("Lena", "Lead");
        leads.deleteLead(lead);

        assertThatThrownBy(() -> leads.deleteLead(lead))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no longer exists");
        assertThat(data.count("audit_entry")).as("only the first deletion is audited").isEqualTo(1);
    }

    @Test
    void the_audit_entry_records_who_and_the_counts_but_no_personal_data() {
        long lead = data.contact().name("Lena", "Lead").email("lena.lead@example.com").company("Secret Corp").create();
        data.opportunity("Solo deal", lead);

        leads.deleteLead(lead);

        List<Map<String, Object>> entries = data.jdbc().queryForList("""
                select username, operation, list_id, list_name, contacts_affected, contacts_kept,
                       opportunities_deleted, exclusions_removed
                from audit_entry
                """);
        assertThat(entries).hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.values()).containsExactly("admin", "DELETE_LEAD", null, null, 1L, 0L, 1L, 0L);
        String everything = data.jdbc().queryForList("select * from audit_entry").toString();
        assertThat(everything).doesNotContain("Lena", "lena.lead", "Secret", "Solo deal");
    }

    @Test
    @WithMockUser(username = "company_manager", roles = "COMPANY_MANAGER")
    void a_company_manager_may_delete_a_lead() {
        long lead = data.contact("Lena", "Lead");

        leads.deleteLead(lead);

        assertThat(data.contactExists(lead)).isFalse();
        assertThat(data.jdbc().queryForObject("select username from audit_entry", String.class)).isEqualTo("company_manager");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING_MANAGER", "SALES_MANAGER", "SALESPERSON", "JR_SALESPERSON"})
    void roles_other_than_administrator_and_company_manager_may_not_delete_a_lead(Role role) {
        long lead = data.contact("Lena", "Lead");
        data.opportunity("Solo deal", lead);
        signIn(role);

        assertThatThrownBy(() -> leads.deleteLead(lead)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.opportunitiesDeletedWith(lead)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.contactExists(lead)).isTrue();
        assertThat(data.count("opportunity")).isEqualTo(1);
        assertThat(data.count("audit_entry")).isZero();
    }

    @Test
    void nobody_signed_in_may_delete_a_lead() {
        long lead = data.contact("Lena", "Lead");
        TestSecurityContextHolder.clearContext();

        assertThatThrownBy(() -> leads.deleteLead(lead)).isInstanceOf(AuthenticationException.class);
        assertThat(data.contactExists(lead)).isTrue();
    }
}
