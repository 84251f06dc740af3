package org.leadcrm.contact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.contact.ContactDetails;
import org.leadcrm.contact.ContactDraft;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.DuplicateEmailException;
import org.leadcrm.contact.StaleContactException;
import org.leadcrm.security.UserSummary;

/**
 * Creates or edits a contact. The fields are bound to a {@link ContactDraft} with its Bean
 * Validation rules, so the form says what the service would refuse, field by field, before
 * anything is sent; what only the database can tell (an address already in use, a change by
 * someone else) comes back from the service and is shown without losing what was typed.
 */
class ContactFormDialog extends Dialog {

    final TextField firstName = new TextField("First name");
    final TextField lastName = new TextField("Last name");
    final EmailField email = new EmailField("E-mail");
    final TextField phone = new TextField("Phone");
    final TextField company = new TextField("Company");
    final TextField title = new TextField("Job title");
    final TextField city = new TextField("City");
    final TextField country = new TextField("Country");
    final ComboBox<ContactStatus> status = new ComboBox<>("Status");
    final IntegerField leadScore = new IntegerField("Lead score");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save");

    private static final String INVALID_EMAIL = "Enter a valid e-mail address.";
    private static final String SCORE_RANGE = "Enter a lead score from 0 to 100.";

    private final BeanValidationBinder<ContactDraft> binder = new BeanValidationBinder<>(ContactDraft.class);

    /** Saves the draft and returns the contact's id; throws a user-facing exception to refuse it. */
    interface Saver {
        long save(ContactDraft draft);
    }

    /**
     * A form for a new contact, owned by {@code ownerId} unless the user chooses someone else.
     *
     * @param owners whom the contact may be given to; empty when the user cannot choose (a Jr.
     *               Salesperson's contacts are always their own)
     */
    static ContactFormDialog forNew(List<UserSummary> owners, Long ownerId, Saver saver, LongConsumer onSaved) {
        return new ContactFormDialog(null, ContactDraft.of("", "", "").withOwnerId(ownerId), owners, saver, onSaved);
    }

    /** A form for changing {@code existing}, as it was read. */
    static ContactFormDialog forEdit(ContactDetails existing, List<UserSummary> owners, Saver saver, LongConsumer onSaved) {
        return new ContactFormDialog(existing, existing.fields(), owners, saver, onSaved);
    }

    private ContactFormDialog(ContactDetails existing, ContactDraft initial, List<UserSummary> owners, Saver saver,
            LongConsumer onSaved) {
        addClassName("contact-form-dialog");
        setHeaderTitle(existing == null ? "New contact" : "Edit " + existing.fullName());
        setCloseOnOutsideClick(false);
        setWidth("40rem");
        setMaxWidth("100%");

        configureFields(owners);
        bind();
        binder.readRecord(initial);

        formError.addClassName("form-error");
        formError.setVisible(false);
        Paragraph rulesNote = new Paragraph("New and changed contacts join or leave rule-based lists when each list is "
                + "next rebuilt.");
        rulesNote.addClassName("hint");
        add(formError);
        if (existing != null && existing.synced()) {
            Paragraph syncNote = new Paragraph("Synced with " + existing.crmSystem().label() + ": its next sync may "
                    + "overwrite changes made here.");
            syncNote.addClassName("sync-note");
            add(syncNote);
        }
        // Two columns (first and last name, e-mail and phone, ...) wherever the dialog has room for them.
        FormLayout form = new FormLayout(firstName, lastName, email, phone, company, title, city, country, status,
                leadScore, owner);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26em", 2));
        add(form, rulesNote);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit(saver, onSaved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void configureFields(List<UserSummary> owners) {
        // The fields' own checks speak in the same words as the draft's Bean Validation rules.
        limit(firstName, ContactDraft.NAME_MAX_LENGTH, "Enter a first name.");
        limit(lastName, ContactDraft.NAME_MAX_LENGTH, "Enter a last name.");
        limit(phone, ContactDraft.PHONE_MAX_LENGTH);
        limit(company, ContactDraft.COMPANY_MAX_LENGTH);
        limit(title, ContactDraft.TITLE_MAX_LENGTH);
        limit(city, ContactDraft.PLACE_MAX_LENGTH);
        limit(country, ContactDraft.PLACE_MAX_LENGTH);
        email.setMaxLength(ContactDraft.EMAIL_MAX_LENGTH);
        email.setI18n(new EmailField.EmailFieldI18n()
                .setRequiredErrorMessage("Enter an e-mail address.")
                .setPatternErrorMessage(INVALID_EMAIL)
                .setMaxLengthErrorMessage(tooLong(ContactDraft.EMAIL_MAX_LENGTH)));
        // Marked as required, as the binder marks status and lead score (@NotNull) by itself.
        email.setRequiredIndicatorVisible(true);
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(ContactStatus::label);
        status.setI18n(new ComboBox.ComboBoxI18n().setRequiredErrorMessage("Choose a status."));
        leadScore.setMin(0);
        leadScore.setMax(100);
        leadScore.setStepButtonsVisible(true);
        leadScore.setHelperText("0 to 100");
        leadScore.setI18n(new IntegerField.IntegerFieldI18n().setRequiredErrorMessage(SCORE_RANGE).setMinErrorMessage(SCORE_RANGE)
                .setMaxErrorMessage(SCORE_RANGE).setBadInputErrorMessage(SCORE_RANGE));
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Nobody");
        owner.setVisible(!owners.isEmpty());
    }

    private static void limit(TextField field, int maxLength) {
        limit(field, maxLength, null);
    }

    /** With a {@code requiredMessage}, the field is marked as required and says so in these words when left empty. */
    private static void limit(TextField field, int maxLength, String requiredMessage) {
        field.setMaxLength(maxLength);
        field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong(maxLength))
                .setRequiredErrorMessage(requiredMessage));
        field.setRequiredIndicatorVisible(requiredMessage != null);
    }

    private static String tooLong(int maxLength) {
        return "At most " + maxLength + " characters.";
    }

    private void bind() {
        binder.forField(firstName).bind("firstName");
        binder.forField(lastName).bind("lastName");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(company).bind("company");
        binder.forField(title).bind("title");
        binder.forField(city).bind("city");
        binder.forField(country).bind("country");
        binder.forField(status).bind("status");
        binder.forField(leadScore).bind("leadScore");
        binder.forField(owner)
                .withConverter(user -> user == null ? null : user.id(), this::ownerWithId)
                .bind("ownerId");
    }

    private UserSummary ownerWithId(Long id) {
        return owner.getListDataView().getItems().filter(user -> Objects.equals(user.id(), id)).findFirst().orElse(null);
    }

    private void submit(Saver saver, LongConsumer onSaved) {
        formError.setVisible(false);
        ContactDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException invalid) {
            return; // each field shows its own message
        }
        try {
            long id = saver.save(draft);
            close();
            onSaved.accept(id);
        } catch (DuplicateEmailException taken) {
            email.setErrorMessage(taken.getMessage());
            email.setInvalid(true);
        } catch (StaleContactException changed) {
            showFormError(changed.getMessage());
        } catch (RuntimeException other) {
            showFormError(ErrorMessages.messageFor(other));
        }
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
