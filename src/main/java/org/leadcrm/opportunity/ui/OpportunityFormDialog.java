package org.leadcrm.opportunity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.opportunity.OpportunityDetails;
import org.leadcrm.opportunity.OpportunityDetails.Lead;
import org.leadcrm.opportunity.OpportunityDraft;
import org.leadcrm.opportunity.OpportunityStage;
import org.leadcrm.opportunity.StaleOpportunityException;
import org.leadcrm.security.UserSummary;

/**
 * Creates or edits an opportunity: name, amount, stage, close date, owner and its leads, picked
 * from a lazy search over the contacts the user may see (never all contacts loaded). Rules come
 * from the draft's Bean Validation; refusals from the service are shown without losing input.
 */
class OpportunityFormDialog extends Dialog {

    final TextField name = new TextField("Name");
    final BigDecimalField amount = new BigDecimalField("Amount");
    final ComboBox<OpportunityStage> stage = new ComboBox<>("Stage");
    final DatePicker closeDate = new DatePicker("Close date");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
    final MultiSelectComboBox<Lead> leads = new MultiSelectComboBox<>("Leads");
    final Div leadLinks = new Div();
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save");

    private final BeanValidationBinder<OpportunityDraft> binder = new BeanValidationBinder<>(OpportunityDraft.class);
    private final Map<Long, Lead> knownLeads;

    /** Saves the draft; throws a user-facing exception to refuse it. */
    interface Saver {
        void save(OpportunityDraft draft);
    }

    /**
     * @param existing the opportunity being edited, or null for a new one
     * @param initial  the fields to start from
     * @param owners   whom it may be given to; empty when the user cannot choose (their own)
     */
    OpportunityFormDialog(OpportunityDetails existing, OpportunityDraft initial, List<UserSummary> owners,
            ContactService contacts, Saver saver, Runnable onSaved) {
        addClassName("opportunity-form-dialog");
        setHeaderTitle(existing == null ? "New opportunity" : "Edit " + existing.fields().name());
        setCloseOnOutsideClick(false);
        setWidth("40rem");
        knownLeads = existing == null ? Map.of()
                : existing.leads().stream().collect(Collectors.toMap(Lead::contactId, Function.identity()));

        name.setMaxLength(OpportunityDraft.NAME_MAX_LENGTH);
        amount.setPrefixComponent(new Span("$"));
        stage.setItems(OpportunityStage.values());
        stage.setItemLabelGenerator(OpportunityStage::label);
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Nobody");
        owner.setVisible(!owners.isEmpty());
        leads.setItemLabelGenerator(lead -> lead.name() + " · " + lead.email());
        leads.setItems(query -> contacts.find(ContactFilter.ALL.withSearch(query.getFilter().orElse("")),
                        ContactSort.NAME, true, query.getOffset(), query.getLimit()).stream()
                .map(row -> new Lead(row.id(), row.fullName(), row.email())));
        leads.setPlaceholder("Search contacts by name, e-mail or company");
        leads.setHelperText("At least one lead. If this is an opportunity's only lead, deleting the lead deletes it.");
        leads.addValueChangeListener(e -> showLeadLinks());
        leadLinks.addClassName("lead-links");

        bind(owners);
        binder.readRecord(initial);
        showLeadLinks();

        formError.addClassName("form-error");
        formError.setVisible(false);
        FormLayout form = new FormLayout(name, amount, stage, closeDate, owner, leads);
        form.setColspan(name, 2);
        form.setColspan(leads, 2);
        add(formError, form, leadLinks);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit(saver, onSaved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void bind(List<UserSummary> owners) {
        binder.forField(name).bind("name");
        binder.forField(amount).bind("amount");
        binder.forField(stage).bind("stage");
        binder.forField(closeDate).bind("closeDate");
        binder.forField(owner)
                .withConverter(user -> user == null ? null : user.id(),
                        id -> owners.stream().filter(user -> Objects.equals(user.id(), id)).findFirst().orElse(null))
                .bind("ownerId");
        binder.forField(leads)
                .withConverter(chosen -> chosen.stream().map(Lead::contactId).collect(Collectors.toCollection(LinkedHashSet::new)),
                        (Set<Long> ids) -> ids.stream().map(knownLeads::get).filter(Objects::nonNull)
                                .collect(Collectors.toCollection(LinkedHashSet::new)))
                .bind("leadIds");
    }

    /** The chosen leads as links to their pages. */
    private void showLeadLinks() {
        leadLinks.removeAll();
        if (!leads.getValue().isEmpty()) {
            leadLinks.add(new Span("Open a lead's page: "));
        }
        String separator = "";
        for (Lead lead : leads.getValue()) {
            leadLinks.add(new Span(separator), new Anchor("contact/" + lead.contactId(), lead.name()));
            separator = ", ";
        }
    }

    private void submit(Saver saver, Runnable onSaved) {
        formError.setVisible(false);
        OpportunityDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException invalid) {
            return; // each field shows its own message
        }
        try {
            saver.save(draft);
            close();
            onSaved.run();
        } catch (StaleOpportunityException changed) {
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
