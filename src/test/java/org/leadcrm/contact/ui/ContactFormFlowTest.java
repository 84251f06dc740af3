package org.leadcrm.contact.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.contact.ContactDetails;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/** Creating and editing a contact with the form (PRODUCT.md, "A contact's page and form"). */
class ContactFormFlowTest extends KaribuTest {

    ContactFormFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ContactFormDialog openNewContactForm(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(ContactManagerView.class);
        _click(_get(ContactManagerView.class).newContact);
        return _get(ContactFormDialog.class);
    }

    private static void fillIn(ContactFormDialog form, String first, String last, String email) {
        _setValue(form.firstName, first);
        _setValue(form.lastName, last);
        _setValue(form.email, email);
    }

    @Test
    void a_new_contact_is_saved_and_its_page_opens() {
        UserSummary manager = data.user(Role.SALES_MANAGER);
        ContactFormDialog form = openNewContactForm(Role.SALES_MANAGER);
        fillIn(form, "Grace", "Hopper", "grace@example.com");
        _setValue(form.company, "US Navy");
        _setValue(form.status, ContactStatus.QUALIFIED);
        _setValue(form.leadScore, 90);

        _click(form.save);

        ContactView page = _get(ContactView.class);
        assertThat(page.title.getText()).isEqualTo("Grace Hopper");
        assertThat(page.getElement().getTextRecursively()).contains("grace@example.com", "US Navy", "Qualified", "90",
                manager.displayName());
        assertThat(_find(ContactFormDialog.class)).isEmpty();
    }

    @Test
    void each_field_says_what_is_wrong_with_it_and_nothing_is_saved() {
        ContactFormDialog form = openNewContactForm(Role.ADMIN);
        _setValue(form.firstName, "");
        _setValue(form.email, "not an address");
        _setValue(form.leadScore, 101);
        _setValue(form.company, "x".repeat(151));

        _click(form.save);

        assertThat(form.firstName.isInvalid()).isTrue();
        assertThat(form.firstName.getErrorMessage()).isEqualTo("Enter a first name.");
        assertThat(form.lastName.getErrorMessage()).isEqualTo("Enter a last name.");
        assertThat(form.email.getErrorMessage()).isEqualTo("Enter a valid e-mail address.");
        assertThat(form.leadScore.getErrorMessage()).isEqualTo("Enter a lead score from 0 to 100.");
        assertThat(form.company.getErrorMessage()).isEqualTo("At most 150 characters.");
        assertThat(form.isOpened()).isTrue();
        assertThat(data.count("contact")).isZero();
    }

    @Test
    void an_address_already_in_use_in_another_case_is_shown_on_the_e_mail_field_and_the_form_stays() {
        data.contact().name("Ada", "Lovelace").email("ada@example.com").create();
        ContactFormDialog form = openNewContactForm(Role.MARKETING_MANAGER);
        fillIn(form, "Ada", "Byron", "ADA@Example.com");

        _click(form.save);

        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getErrorMessage()).contains("already exists");
        assertThat(form.isOpened()).isTrue();
        assertThat(form.lastName.getValue()).isEqualTo("Byron");
        assertThat(data.count("contact")).isEqualTo(1);
    }

    @Test
    void a_save_after_someone_else_changed_the_contact_is_refused_and_keeps_what_was_typed() {
        long ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").create();
        signInAs(Role.COMPANY_MANAGER);
        UI.getCurrent().navigate(ContactView.class, ada);
        ContactView page = _get(ContactView.class);
        _click(_find(page.actions, Button.class).get(0));
        ContactFormDialog form = _get(ContactFormDialog.class);
        _setValue(form.company, "Analytical Engines");
        // Meanwhile, a colleague saves a change of their own.
        ContactService service = bean(ContactService.class);
        ContactDetails current = service.details(ada).orElseThrow();
        service.update(ada, current.version(), current.fields().withCity("London"));

        _click(form.save);

        assertThat(form.isOpened()).isTrue();
        assertThat(form.formError.isVisible()).isTrue();
        assertThat(form.formError.getText()).contains("changed by someone else", "reload");
        assertThat(form.company.getValue()).isEqualTo("Analytical Engines");
        ContactDetails saved = service.details(ada).orElseThrow();
        assertThat(saved.fields().company()).isNull();
        assertThat(saved.fields().city()).isEqualTo("London");
    }

    @Test
    void a_jr_salesperson_chooses_no_owner_and_the_contact_is_theirs() {
        UserSummary jr = data.user(Role.JR_SALESPERSON);
        ContactFormDialog form = openNewContactForm(Role.JR_SALESPERSON);
        fillIn(form, "Alan", "Turing", "alan@example.com");

        assertThat(form.owner.isVisible()).isFalse();
        _click(form.save);

        assertThat(_get(ContactView.class).getElement().getTextRecursively()).contains(jr.displayName());
    }

    @Test
    void editing_a_synced_contact_warns_that_its_crm_may_overwrite_the_change() {
        long synced = data.syncedContact();
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(ContactView.class, synced);
        _click(_find(_get(ContactView.class).actions, Button.class).get(0));

        ContactFormDialog form = _get(ContactFormDialog.class);

        assertThat(form.getElement().getTextRecursively()).contains("Synced with Salesforce", "may overwrite");
        assertThat(form.getElement().getTextRecursively()).contains("rule-based lists");
    }
}
