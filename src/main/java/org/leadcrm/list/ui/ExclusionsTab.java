package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.list.ExcludedContact;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListSummary;

/**
 * A list's exclusions, the contacts it must never contain: those the user may see, paged in the
 * database. Those who may edit lists can exclude a contact, found with a lazy picker, or lift an
 * exclusion.
 */
class ExclusionsTab extends VerticalLayout {

    final Grid<ExcludedContact> exclusions = new Grid<>(ExcludedContact.class, false);
    final ComboBox<ContactRow> excludePicker = new ComboBox<>();

    private final ListSummary list;
    private final ListMemberService listMembers;
    private final Runnable onExclusionsChanged;

    ExclusionsTab(ListSummary list, ContactService contacts, ListMemberService listMembers, Dates dates, boolean mayEdit,
            Runnable onExclusionsChanged) {
        this.list = list;
        this.listMembers = listMembers;
        this.onExclusionsChanged = onExclusionsChanged;
        exclusions.addClassName("exclusions-grid");
        exclusions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        exclusions.addColumn(ExcludedContact::name).setHeader("Name").setFlexGrow(2);
        exclusions.addColumn(ExcludedContact::email).setHeader("Email").setFlexGrow(2);
        exclusions.addColumn(ExcludedContact::company).setHeader("Company").setFlexGrow(2);
        exclusions.addColumn(e -> dates.date(e.excludedAt())).setHeader("Excluded").setAutoWidth(true);
        if (mayEdit) {
            exclusions.addComponentColumn(excluded -> {
                Button remove = new Button("Remove exclusion", e -> lift(excluded));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        exclusions.setItems(query -> listMembers.findExclusions(list.id(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) listMembers.countExclusions(list.id()));

        setPadding(false);
        setSizeFull();
        if (mayEdit) {
            add(excludeBar(contacts));
        }
        add(new Paragraph("Excluded contacts never become members, whatever the rules or a Bulk Edit say."), exclusions);
        setFlexGrow(1, exclusions);
    }

    void refresh() {
        exclusions.getDataProvider().refreshAll();
    }

    private HorizontalLayout excludeBar(ContactService contacts) {
        excludePicker.setPlaceholder("Find a contact to exclude");
        excludePicker.setAriaLabel("Contact to exclude");
        excludePicker.setWidth("24rem");
        excludePicker.setItemLabelGenerator(r -> r.fullName() + " <" + r.email() + ">");
        excludePicker.setItems(query -> contacts.find(ContactFilter.ALL.withSearch(query.getFilter().orElse("")),
                ContactSort.NAME, true, query.getOffset(), query.getLimit()).stream());
        Button exclude = new Button("Exclude", VaadinIcon.BAN.create(), e -> exclude());
        HorizontalLayout bar = new HorizontalLayout(excludePicker, exclude);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void exclude() {
        ContactRow chosen = excludePicker.getValue();
        if (chosen == null) {
            excludePicker.setErrorMessage("Choose a contact");
            excludePicker.setInvalid(true);
            return;
        }
        try {
            listMembers.addExclusion(list.id(), chosen.id());
            excludePicker.clear();
            Notifications.success(chosen.fullName() + " is excluded from " + list.name() + ".");
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
        onExclusionsChanged.run();
    }

    private void lift(ExcludedContact excluded) {
        try {
            listMembers.removeExclusion(list.id(), excluded.contactId());
            Notifications.success(excluded.name() + " is no longer excluded"
                    + (list.manual() ? "." : "; the next rebuild adds it if it matches the rules."));
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
        onExclusionsChanged.run();
    }
}
