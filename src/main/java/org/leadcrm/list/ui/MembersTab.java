package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.Collectors;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.GridSort;
import org.leadcrm.base.ui.SearchFields;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListSummary;

/**
 * A list's members: searched, sorted and paged in the database. Those who may edit the list remove
 * one member, or many at once: ticked rows, or all matching the member search.
 */
class MembersTab extends VerticalLayout {

    final Grid<ContactRow> members = new Grid<>(ContactRow.class, false);
    final TextField memberSearch = new TextField();
    final Checkbox allMatching = new Checkbox();
    final Button removeSelected = new Button("Remove from list…", VaadinIcon.MINUS_CIRCLE_O.create());

    private final ContactService contacts;
    private final ListMemberService listMembers;
    private final BackgroundOperation background;
    private final Runnable onMembersChanged;
    private ListSummary list;
    private long matching;

    /**
     * @param mayEdit          whether the user may remove members
     * @param onMembersChanged told after members were removed
     */
    MembersTab(ListSummary list, ContactService contacts, ListMemberService listMembers, BackgroundOperation background,
            boolean mayEdit, Runnable onMembersChanged) {
        this.list = list;
        this.contacts = contacts;
        this.listMembers = listMembers;
        this.background = background;
        this.onMembersChanged = onMembersChanged;
        members.addClassName("members-grid");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        members.setMultiSort(false);
        members.addComponentColumn(row -> new Anchor("contact/" + row.id(), row.fullName())).setHeader("Name")
                .setKey("name").setSortProperty(ContactSort.NAME.name()).setFlexGrow(2);
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
            }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        // A click on a row opens the contact's page, except on its checkbox or Remove button.
        members.addItemClickListener(e -> {
            if (e.getColumn() != null && !"actions".equals(e.getColumn().getKey())) {
                members.getUI().ifPresent(ui -> ui.navigate("contact/" + e.getItem().id()));
            }
        });
        members.setItems(query -> {
            GridSort<ContactSort> sort = GridSort.of(query, ContactSort.class, ContactSort.NAME);
            return contacts.find(filter(), sort.column(), sort.ascending(), query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(matching, Integer.MAX_VALUE));

        SearchFields.configure(memberSearch, "Search members", "Search members");
        memberSearch.addValueChangeListener(e -> {
            allMatching.setValue(false);
            members.deselectAll();
            refresh();
        });

        HorizontalLayout bar = new HorizontalLayout(memberSearch);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("bulk-bar");
        if (mayEdit) {
            members.setSelectionMode(Grid.SelectionMode.MULTI);
            members.addSelectionListener(e -> updateActions());
            allMatching.addValueChangeListener(e -> {
                if (e.getValue()) {
                    members.deselectAll();
                }
                updateActions();
            });
            removeSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
            removeSelected.addClickListener(e -> confirmRemove());
            bar.add(allMatching, removeSelected);
        }
        add(bar, members);
        setPadding(false);
        setSizeFull();
        setFlexGrow(1, members);
    }

    /** Counts the matching members once per change, then reloads; the grid's size comes from this count. */
    void refresh() {
        matching = contacts.count(filter());
        allMatching.setLabel("Select all " + Counts.number(matching) + " matching");
        members.getDataProvider().refreshAll();
        updateActions();
    }

    /** The list as it is now, after a change: what the confirmations say about it. */
    void show(ListSummary fresh) {
        list = fresh;
    }

    private void updateActions() {
        int ticked = members.getSelectedItems().size();
        boolean all = allMatching.getValue();
        removeSelected.setEnabled(all ? matching > 0 : ticked > 0);
        removeSelected.setText(all ? "Remove " + Counts.number(matching) + " from list…"
                : ticked > 0 ? "Remove " + Counts.number(ticked) + " from list…" : "Remove from list…");
    }

    private void confirmRemove() {
        boolean all = allMatching.getValue();
        BulkSelection selection = all ? BulkSelection.matching(filter())
                : BulkSelection.of(members.getSelectedItems().stream().map(ContactRow::id).collect(Collectors.toSet()));
        long size = all ? matching : members.getSelectedItems().size();
        ListSummary target = list;
        new RemoveMembersDialog(target, size, all, exclude ->
                background.run(size, "Removing members from " + target.name(),
                        progress -> listMembers.removeMembers(target.id(), selection, exclude, progress),
                        result -> {
                            Notifications.success("Removed " + Counts.of(result.removed(), "member", "members")
                                    + " from " + target.name()
                                    + (exclude ? " and excluded " + (result.excluded() == 1 ? "it" : "them") : "")
                                    + ". Every contact stays in LeadCRM.");
                            members.deselectAll();
                            allMatching.setValue(false);
                            onMembersChanged.run();
                        })).open();
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
