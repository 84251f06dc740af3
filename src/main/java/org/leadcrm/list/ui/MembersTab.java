package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.GridSort;
import org.leadcrm.base.ui.SearchFields;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListSummary;

/** A list's members: searched, sorted and paged in the database; one can be removed by those who may. */
class MembersTab extends VerticalLayout {

    final Grid<ContactRow> members = new Grid<>(ContactRow.class, false);
    final TextField memberSearch = new TextField();

    private final ListSummary list;

    /**
     * @param mayEdit          whether the user may remove members
     * @param onMembersChanged told after a member was removed
     */
    MembersTab(ListSummary list, ContactService contacts, ListMemberService listMembers, boolean mayEdit,
            Runnable onMembersChanged) {
        this.list = list;
        members.addClassName("members-grid");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        members.setMultiSort(false);
        members.addColumn(ContactRow::fullName).setHeader("Name").setSortProperty(ContactSort.NAME.name()).setFlexGrow(2);
        members.addColumn(ContactRow::email).setHeader("Email").setSortProperty(ContactSort.EMAIL.name()).setFlexGrow(2);
        members.addColumn(ContactRow::company).setHeader("Company").setSortProperty(ContactSort.COMPANY.name()).setFlexGrow(2);
        members.addColumn(r -> r.status().label()).setHeader("Status").setSortProperty(ContactSort.STATUS.name()).setAutoWidth(true);
        members.addColumn(r -> r.synced() ? "Synced: " + r.crmSystem().label() : "").setHeader("Synced").setAutoWidth(true);
        if (mayEdit) {
            members.addComponentColumn(row -> {
                Button remove = new Button("Remove", e -> remove(listMembers, row, onMembersChanged));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setTooltipText(list.manual() ? "Remove from this list"
                        : "Remove from this list and exclude, so the rules do not bring it back");
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        members.setItems(query -> {
            GridSort<ContactSort> sort = GridSort.of(query, ContactSort.class, ContactSort.NAME);
            return contacts.find(filter(), sort.column(), sort.ascending(), query.getOffset(), query.getLimit()).stream();
        }, query -> (int) contacts.count(filter()));

        SearchFields.configure(memberSearch, "Search members", "Search members");
        memberSearch.addValueChangeListener(e -> members.getDataProvider().refreshAll());

        add(memberSearch, members);
        setPadding(false);
        setSizeFull();
        setFlexGrow(1, members);
    }

    void refresh() {
        members.getDataProvider().refreshAll();
    }

    private ContactFilter filter() {
        return ContactFilter.ALL.withListId(list.id()).withSearch(memberSearch.getValue());
    }

    private void remove(ListMemberService listMembers, ContactRow row, Runnable onMembersChanged) {
        try {
            listMembers.removeMember(list.id(), row.id());
            Notifications.success("Removed " + row.fullName() + " from " + list.name()
                    + (list.manual() ? "." : " and excluded it."));
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
        onMembersChanged.run();
    }
}
