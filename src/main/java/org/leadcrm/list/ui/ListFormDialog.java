package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.list.DuplicateListNameException;
import org.leadcrm.list.ListDetails;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListRules;
import org.leadcrm.security.UserSummary;

/**
 * Creates or edits a list: name, description, the Manual toggle and, for a rule-based list, its
 * rules. The dialog collects the draft; the callback saves it and reports a refusal back.
 */
class ListFormDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Checkbox manual = new Checkbox("Manual (members are added by hand)");
    final TextField company = new TextField("Company is");
    final TextField city = new TextField("City is");
    final TextField country = new TextField("Country is");
    final ComboBox<ContactStatus> status = new ComboBox<>("Status is");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner is");
    final IntegerField minScore = new IntegerField("Lead score from");
    final IntegerField maxScore = new IntegerField("Lead score to");
    final DatePicker createdFrom = new DatePicker("Created from");
    final DatePicker createdTo = new DatePicker("Created to");
    final Checkbox applyToExisting = new Checkbox("Apply to contacts already in the database");
    final Button save = new Button("Save");

    /** Saves the draft; throws a {@link UserFacingException} to refuse it. */
    interface Saver {
        void save(ListDraft draft);
    }

    ListFormDialog(String title, ListDetails existing, List<UserSummary> users, Saver saver, Consumer<String> onSaved) {
        addClassName("list-form-dialog");
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("40rem");

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ListDraft.NAME_MAX_LENGTH);
        description.setMaxLength(ListDraft.DESCRIPTION_MAX_LENGTH);
        company.setMaxLength(ListRules.COMPANY_MAX_LENGTH);
        city.setMaxLength(ListRules.CITY_MAX_LENGTH);
        country.setMaxLength(ListRules.COUNTRY_MAX_LENGTH);
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(ContactStatus::label);
        status.setClearButtonVisible(true);
        owner.setItems(users);
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        for (IntegerField score : List.of(minScore, maxScore)) {
            score.setMin(0);
            score.setMax(100);
            score.setStepButtonsVisible(true);
        }
        applyToExisting.setValue(true);

        FormLayout basics = new FormLayout(name, description, manual);
        basics.setColspan(description, 2);
        basics.setColspan(manual, 2);
        FormLayout rules = new FormLayout(company, city, country, status, owner, minScore, maxScore, createdFrom, createdTo);
        rules.addClassName("rules-form");
        H4 rulesTitle = new H4("Rules — a contact is a member when it matches all of them");
        Paragraph rulesNote = new Paragraph("Contacts added by hand stay through rebuilds; excluded contacts never come in.");
        rulesNote.addClassName("hint");

        if (existing != null) {
            fill(existing, users);
            // A manual list cannot become rule-based, and the kind of a list never changes.
            manual.setEnabled(false);
        } else {
            manual.setValue(true);
        }
        Runnable showRules = () -> {
            boolean ruleBased = !manual.getValue();
            rulesTitle.setVisible(ruleBased);
            rulesNote.setVisible(ruleBased);
            rules.setVisible(ruleBased);
            applyToExisting.setVisible(ruleBased);
        };
        manual.addValueChangeListener(e -> showRules.run());
        showRules.run();

        add(basics, rulesTitle, rulesNote, rules, applyToExisting);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit(saver, onSaved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void fill(ListDetails details, List<UserSummary> users) {
        name.setValue(details.name());
        description.setValue(details.description() == null ? "" : details.description());
        manual.setValue(details.manual());
        ListRules rules = details.rules();
        company.setValue(rules.company() == null ? "" : rules.company());
        city.setValue(rules.city() == null ? "" : rules.city());
        country.setValue(rules.country() == null ? "" : rules.country());
        status.setValue(rules.status());
        owner.setValue(users.stream().filter(u -> rules.ownerId() != null && u.id() == rules.ownerId()).findFirst().orElse(null));
        minScore.setValue(rules.minScore());
        maxScore.setValue(rules.maxScore());
        createdFrom.setValue(rules.createdFrom());
        createdTo.setValue(rules.createdTo());
    }

    private void submit(Saver saver, Consumer<String> onSaved) {
        if (!valid()) {
            return;
        }
        ListRules rules = new ListRules(company.getValue(), city.getValue(), country.getValue(), status.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(), minScore.getValue(), maxScore.getValue(),
                createdFrom.getValue(), createdTo.getValue());
        ListDraft draft = new ListDraft(name.getValue().strip(), description.getValue(), manual.getValue(),
                manual.getValue() ? ListRules.NONE : rules, applyToExisting.getValue());
        try {
            saver.save(draft);
        } catch (DuplicateListNameException ex) {
            name.setErrorMessage(ex.getMessage());
            name.setInvalid(true);
            return;
        } catch (RuntimeException ex) {
            name.setErrorMessage(ErrorMessages.messageFor(ex));
            name.setInvalid(true);
            return;
        }
        close();
        onSaved.accept(draft.name());
    }

    private boolean valid() {
        boolean valid = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Enter a name for the list");
            name.setInvalid(true);
            valid = false;
        } else {
            name.setInvalid(false);
        }
        if (!manual.getValue()) {
            if (minScore.isInvalid() || maxScore.isInvalid()) {
                valid = false;
            } else if (minScore.getValue() != null && maxScore.getValue() != null && minScore.getValue() > maxScore.getValue()) {
                maxScore.setErrorMessage("Must not be below \"Lead score from\"");
                maxScore.setInvalid(true);
                valid = false;
            }
            if (createdFrom.getValue() != null && createdTo.getValue() != null && createdFrom.getValue().isAfter(createdTo.getValue())) {
                createdTo.setErrorMessage("Must not be before \"Created from\"");
                createdTo.setInvalid(true);
                valid = false;
            }
        }
        return valid;
    }
}
