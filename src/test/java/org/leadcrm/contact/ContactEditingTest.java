package org.leadcrm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.leadcrm.list.ContactMemberships;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A contact's page and form, as the service enforces them: what is shown to whom, and which saves
 * are refused (a stale version, an address in use in any case, a Jr. Salesperson reaching beyond
 * their own contacts, fields outside the schema's limits).
 */
class ContactEditingTest extends IntegrationTest {

    private final ContactService contacts;
    private final ListMemberService listMembers;
    private final NamedParameterJdbcTemplate jdbc;

    ContactEditingTest(TestData data, ContactService contacts, ListMemberService listMembers, NamedParameterJdbcTemplate jdbc) {
        super(data);
        this.contacts = contacts;
        this.listMembers = listMembers;
        this.jdbc = jdbc;
    }

    @Test
    void a_save_changes_every_field_and_the_version_but_not_the_creation_time_or_crm_link() {
        UserSummary sam = data.user("sam", Role.SALESPERSON);
        signIn(Role.COMPANY_MANAGER);
        long id = data.syncedContact();
        ContactDetails before = contacts.details(id).orElseThrow();
        ContactDraft changed = new ContactDraft(" Ada ", "Lovelace", "ada@example.com", "+44 20 7946 0000",
                "Analytical Engines", "Countess", "London", "United Kingdom", ContactStatus.QUALIFIED, 88, sam.id());

        long newVersion = contacts.update(id, before.version(), changed);

        ContactDetails after = contacts.details(id).orElseThrow();
        assertThat(after.fields()).isEqualTo(changed.withEmail("ada@example.com").tidied());
        assertThat(after.fields().firstName()).isEqualTo("Ada");
        assertThat(after.ownerName()).isEqualTo(sam.displayName());
        assertThat(after.version()).isEqualTo(newVersion).isGreaterThan(before.version());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        assertThat(after.crmSystem()).isEqualTo(CrmSystem.SALESFORCE);
        assertThat(after.externalId()).isEqualTo(before.externalId()).isNotNull();
    }

    @Test
    void a_save_from_a_version_someone_else_has_changed_since_is_refused_and_changes_nothing() {
        signIn(Role.MARKETING_MANAGER);
        long id = contacts.create(ContactDraft.of("Grace", "Hopper", "grace@example.com"));
        ContactDetails opened = contacts.details(id).orElseThrow();
        contacts.update(id, opened.version(), opened.fields().withCompany("Navy"));

        assertThatThrownBy(() -> contacts.update(id, opened.version(), opened.fields().withCompany("Harvard")))
                .isInstanceOf(StaleContactException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(contacts.details(id).orElseThrow().fields().company()).isEqualTo("Navy");
    }

    @Test
    void an_address_another_contact_has_in_any_case_is_refused_and_a_contact_may_keep_its_own() {
        signIn(Role.SALES_MANAGER);
        contacts.create(ContactDraft.of("Ada", "Lovelace", "ada@example.com"));
        long grace = contacts.create(ContactDraft.of("Grace", "Hopper", "grace@example.com"));
        ContactDetails opened = contacts.details(grace).orElseThrow();

        assertThatThrownBy(() -> contacts.update(grace, opened.version(), opened.fields().withEmail("ADA@example.com")))
                .isInstanceOf(DuplicateEmailException.class);
        contacts.update(grace, opened.version(), opened.fields().withEmail("Grace@Example.com"));

        assertThat(contacts.details(grace).orElseThrow().fields().email()).isEqualTo("Grace@Example.com");
    }

    @Test
    void the_database_itself_refuses_a_second_contact_with_the_same_address_in_another_case() {
        signIn(Role.ADMIN);
        contacts.create(ContactDraft.of("Ada", "Lovelace", "Ada@Example.com"));

        // Past the service's own check, as two saves racing for one address would be.
        assertThatThrownBy(() -> jdbc.getJdbcTemplate().update("""
                insert into contact (first_name, last_name, email, email_key, status, lead_score, crm_system, created_at, updated_at)
                values ('Other', 'Ada', 'ADA@example.com', 'ada@example.com', 'LEAD', 0, 'NONE', current_timestamp, current_timestamp)
                """)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void fields_beyond_the_schema_s_limits_are_refused_with_the_field_s_rule() {
        signIn(Role.ADMIN);
        long id = contacts.create(ContactDraft.of("Ada", "Lovelace", "ada@example.com"));
        ContactDetails opened = contacts.details(id).orElseThrow();

        assertThatThrownBy(() -> contacts.update(id, opened.version(), opened.fields().withLeadScore(101)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("lead score from 0 to 100");
        assertThatThrownBy(() -> contacts.update(id, opened.version(), opened.fields().withCompany("x".repeat(151))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("At most 150 characters");
        assertThat(contacts.details(id).orElseThrow().version()).isEqualTo(opened.version());
    }

    @Test
    void a_jr_salesperson_sees_and_saves_only_their_own_contacts_and_cannot_give_one_away() {
        UserSummary jr = data.user("jr", Role.JR_SALESPERSON);
        UserSummary sam = data.user("sam", Role.SALESPERSON);
        long mine = data.contact().name("My", "Lead").owner(jr.id()).create();
        long theirs = data.contact().name("Their", "Lead").owner(sam.id()).create();
        long list = data.manualList("Webinar");
        data.addMembers(list, mine, theirs);
        signIn("jr", Role.JR_SALESPERSON);

        assertThat(contacts.details(theirs)).isEmpty();
        assertThat(listMembers.membershipsOf(theirs)).isEqualTo(ContactMemberships.NONE);
        assertThatThrownBy(() -> contacts.update(theirs, 0, ContactDraft.of("Their", "Lead", "x@example.com")))
                .isInstanceOf(ContactNotFoundException.class);
        ContactDetails opened = contacts.details(mine).orElseThrow();
        contacts.update(mine, opened.version(), opened.fields().withOwnerId(sam.id()).withCity("Oslo"));

        ContactDetails saved = contacts.details(mine).orElseThrow();
        assertThat(saved.ownerName()).isEqualTo(jr.displayName());
        assertThat(saved.fields().city()).isEqualTo("Oslo");
        signIn(Role.ADMIN);
        assertThat(contacts.details(theirs).orElseThrow().fields().firstName()).isEqualTo("Their");
    }

    @Test
    void a_contact_s_page_lists_the_lists_it_is_on_and_those_excluding_it_by_name() {
        long contact = data.contact().name("Ada", "Lovelace").create();
        long webinar = data.manualList("Webinar");
        long newsletter = data.manualList("Newsletter");
        long vip = data.manualList("VIP");
        data.addMembers(webinar, contact);
        data.addMembers(newsletter, contact);
        data.exclude(vip, contact);
        signIn(Role.SALESPERSON);

        ContactMemberships memberships = listMembers.membershipsOf(contact);

        assertThat(memberships.memberOf()).extracting(ListChoice::name).containsExactly("Newsletter", "Webinar");
        assertThat(memberships.excludedFrom()).extracting(ListChoice::name).containsExactly("VIP");
    }
}
