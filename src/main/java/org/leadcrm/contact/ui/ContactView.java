package org.leadcrm.contact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactDetails;
import org.leadcrm.contact.ContactDraft;
import org.leadcrm.contact.ContactService;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.ContactMemberships;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListService;
import org.leadcrm.opportunity.OpportunityRow;
import org.leadcrm.opportunity.OpportunityService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/**
 * One contact's page: every field, its owner and sync status, the lists it is on and those that
 * exclude it, its opportunities, and what the user may do with it (edit, add to a list, delete).
 * A contact the user may not see looks exactly like one that does not exist.
 */
@Route("contact")
@PermitAll
class ContactView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String NOT_FOUND = "This contact no longer exists, or you may not see it.";
    private static final int OPPORTUNITY_ROWS_SHOWN = 10;

    final H2 title = new H2();
    final HorizontalLayout actions = new HorizontalLayout();
    final Div fields = new Div();
    final Div lists = new Div();
    final Grid<OpportunityRow> opportunities = new Grid<>(OpportunityRow.class, false);

    private final ContactService contacts;
    private final ListMemberService listMembers;
    private final ListService listService;
    private final OpportunityService opportunityService;
    private final BulkEditService bulkEdit;
    private final LeadDeletionService leadDeletion;
    private final UserService users;
    private final BackgroundOperation background;
    private final CurrentUser currentUser;
    private final Dates dates;
    private ContactDetails contact;

    ContactView(ContactService contacts, ListMemberService listMembers, ListService listService,
            OpportunityService opportunityService, BulkEditService bulkEdit,
            LeadDeletionService leadDeletion, UserService users, BackgroundOperation background, CurrentUser currentUser,
            Dates dates) {
        this.contacts = contacts;
        this.listMembers = listMembers;
        this.listService = listService;
        this.opportunityService = opportunityService;
        this.bulkEdit = bulkEdit;
        this.leadDeletion = leadDeletion;
        this.users = users;
        this.background = background;
        this.currentUser = currentUser;
        this.dates = dates;
        addClassName("contact-view");
    }

    @Override
    public String getPageTitle() {
        return (contact == null ? "Contact" : contact.fullName()) + " · LeadCRM";
    }

    @Override
    public void setParameter(BeforeEvent event, Long contactId) {
        Optional<ContactDetails> found = contactId == null ? Optional.empty() : contacts.details(contactId);
        if (found.isEmpty()) {
            showNotFound();
            return;
        }
        contact = found.get();
        build();
    }

    private void showNotFound() {
        removeAll();
        contact = null;
        Paragraph message = new Paragraph(NOT_FOUND);
        message.addClassName("not-found");
        add(new H2("Contact not found"), message, new Anchor("contacts", "Back to the Contact Manager"));
    }

    private void build() {
        removeAll();
        HorizontalLayout heading = new HorizontalLayout(title, ContactBadges.status(contact.fields().status()));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("view-heading");
        if (contact.synced()) {
            heading.add(ContactBadges.synced(contact.crmSystem()));
        }
        title.setText(contact.fullName());
        actions.removeAll();
        actions.addClassName("contact-actions");
        buildActions();
        add(heading, actions);
        if (contact.synced()) {
            Paragraph syncNote = new Paragraph("Synced with " + contact.crmSystem().label() + ". Changes made here may "
                    + "be overwritten at its next sync, and the contact can only be deleted there.");
            syncNote.addClassName("sync-note");
            add(syncNote);
        }
        fields.removeAll();
        fields.addClassName("contact-fields");
        showFields();
        lists.removeAll();
        lists.addClassName("contact-lists");
        showLists(listMembers.membershipsOf(contact.id()));
        add(fields, new H3("Lists"), lists, new H3("Opportunities"), opportunitiesSection());
    }

    private void buildActions() {
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEdit());
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        actions.add(edit);
        if (currentUser.has(Permission.MANAGE_LISTS)) {
            actions.add(new Button("Add to list…", VaadinIcon.PLUS.create(), e -> new BulkEditDialog(bulkEdit, listService,
                    background, BulkSelection.of(Set.of(contact.id())), 1, this::reload).open()));
        }
        if (currentUser.has(Permission.DELETE_CONTACTS)) {
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> new DeleteLeadDialog(contact.row(),
                    leadDeletion, this::afterDelete).open());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            if (contact.synced()) {
                delete.setEnabled(false);
                delete.setTooltipText(ContactManagerView.syncedReason(contact.row()));
            }
            actions.add(delete);
        }
    }

    private void showFields() {
        ContactDraft f = contact.fields();
        field("E-mail", f.email());
        field("Phone", f.phone());
        field("Company", f.company());
        field("Job title", f.title());
        field("City", f.city());
        field("Country", f.country());
        field("Owner", contact.ownerName() == null ? "Nobody" : contact.ownerName());
        field("Lead score", String.valueOf(f.leadScore()));
        field("Synced with", contact.synced() ? contact.crmSystem().label() : "Not synced");
        if (contact.synced()) {
            field("Record in " + contact.crmSystem().label(), contact.externalId());
        }
        field("Created", dates.dateTime(contact.createdAt()));
        field("Last changed", dates.dateTime(contact.updatedAt()));
    }

    private void field(String label, String value) {
        Span name = new Span(label);
        name.addClassName("field-label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("field-value");
        Div row = new Div(name, text);
        row.addClassName("field");
        fields.add(row);
    }

    private void showLists(ContactMemberships memberships) {
        lists.add(listLine("On", memberships.memberOf(), "member-of"));
        lists.add(listLine("Excluded from", memberships.excludedFrom(), "excluded-from"));
    }

    /** A label and one link per list, each on a chip of its own: list names may contain commas. */
    private static Component listLine(String label, List<ListChoice> choices, String className) {
        Div line = new Div();
        line.addClassNames(className, "list-line");
        Span name = new Span(label + ": ");
        name.addClassName("list-line-label");
        line.add(name);
        if (choices.isEmpty()) {
            Span none = new Span("no list");
            none.addClassName("list-none");
            line.add(none);
            return line;
        }
        for (ListChoice choice : choices) {
            Anchor link = new Anchor("list/" + choice.id(), choice.name());
            link.addClassName("list-chip");
            line.add(link);
        }
        return line;
    }

    private Component opportunitiesSection() {
        List<OpportunityRow> items = opportunityService.ofContact(contact.id());
        if (items.isEmpty()) {
            Paragraph none = new Paragraph("No opportunity" + (ownOpportunitiesOnly() ? " of yours" : "")
                    + " has this contact as a lead.");
            none.addClassName("no-opportunities");
            return none;
        }
        NumberFormat money = NumberFormat.getCurrencyInstance(Locale.US);
        opportunities.removeAllColumns();
        opportunities.addClassName("contact-opportunities");
        opportunities.addThemeVariants(GridVariant.LUMO_COMPACT);
        opportunities.addComponentColumn(o -> new Anchor("opportunities/" + o.id(), o.name())).setHeader("Opportunity")
                .setFlexGrow(3);
        opportunities.addColumn(o -> o.stage().label()).setHeader("Stage").setFlexGrow(1);
        opportunities.addColumn(o -> money.format(o.amount())).setHeader("Amount").setFlexGrow(1)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        opportunities.setItems(items);
        // As tall as its rows, up to about ten; beyond that it scrolls rather than push the page down.
        boolean few = items.size() <= OPPORTUNITY_ROWS_SHOWN;
        opportunities.setAllRowsVisible(few);
        opportunities.setHeight(few ? null : "24rem");
        return opportunities;
    }

    private boolean ownOpportunitiesOnly() {
        return currentUser.is(Role.SALESPERSON) || currentUser.is(Role.JR_SALESPERSON);
    }

    private void openEdit() {
        ContactFormDialog.forEdit(contact, owners(), draft -> {
            contacts.update(contact.id(), contact.version(), draft);
            return contact.id();
        }, id -> {
            Notifications.success("Saved " + contact.fullName() + ".");
            reload();
        }).open();
    }

    /** Whom the user may give the contact to: nobody to choose from for a Jr. Salesperson. */
    private List<UserSummary> owners() {
        return currentUser.is(Role.JR_SALESPERSON) ? List.of() : users.listUsers();
    }

    private void reload() {
        Optional<ContactDetails> fresh = contacts.details(contact.id());
        if (fresh.isEmpty()) {
            showNotFound();
            return;
        }
        contact = fresh.get();
        build();
    }

    private void afterDelete() {
        if (contacts.details(contact.id()).isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ContactManagerView.class));
        } else {
            reload();
        }
    }
}
