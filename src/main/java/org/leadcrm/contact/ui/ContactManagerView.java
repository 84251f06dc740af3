package org.leadcrm.contact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.GridSort;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.SearchFields;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.deletion.BulkDeletionService;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.deletion.SelectionDeletionPreview;
import org.leadcrm.export.ui.ExportLink;
import org.leadcrm.export.ui.ExportLinks;
import org.leadcrm.imports.ui.ImportContacts;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/**
 * The Contact Manager: every contact the user may see, paged, sorted and filtered by the
 * database, with Bulk Edit into lists, export to CSV, importing contacts from a CSV file and, for
 * those allowed to, deleting one lead or many contacts at once (ticked rows or all matching the filter).
 */
@Route("")
@RouteAlias("contacts")
@PageTitle("Contacts · LeadCRM")
@Menu(order = 1, icon = "USERS", title = "Contact Manager")
@PermitAll
class ContactManagerView extends VerticalLayout {

    private final ContactService contacts;
    private final ListService lists;
    private final LeadDeletionService leadDeletion;
    private final BulkDeletionService bulkDeletion;
    private final BackgroundOperation background;
    private final BulkEditService bulkEdit;
    private final ExportLinks exports;
    private final CurrentUser currentUser;
    private final UserService users;
    private final Dates dates;

    final Grid<ContactRow> grid = new Grid<>(ContactRow.class, false);
    final TextField search = new TextField();
    final ComboBox<ContactStatus> status = new ComboBox<>("Status");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
    final ComboBox<ListChoice> list = new ComboBox<>("List");
    final Checkbox allMatching = new Checkbox();
    final Span matchCount = new Span();
    final Button addToList = new Button("Add to list…", VaadinIcon.PLUS.create());
    final Button deleteSelected = new Button("Delete", VaadinIcon.TRASH.create());
    final Button newContact = new Button("New contact", VaadinIcon.PLUS.create());
    final ExportLink exportCsv;
    final Button importContacts = new Button("Import contacts", VaadinIcon.UPLOAD.create());

    private ContactFilter filter = ContactFilter.ALL;
    private long matching;
    /** What "Export CSV" downloads, for its handler, which runs without the UI's lock: kept up to date here. */
    private volatile BulkSelection toExport = BulkSelection.matching(ContactFilter.ALL);

    ContactManagerView(ContactService contacts, ListService lists, BulkEditService bulkEdit,
            LeadDeletionService leadDeletion, BulkDeletionService bulkDeletion, UserService users,
            BackgroundOperation background, ExportLinks exports, CurrentUser currentUser, Dates dates,
            ImportContacts imports) {
        this.contacts = contacts;
        this.lists = lists;
        this.bulkEdit = bulkEdit;
        this.leadDeletion = leadDeletion;
        this.bulkDeletion = bulkDeletion;
        this.background = background;
        this.exports = exports;
        this.currentUser = currentUser;
        this.users = users;
        this.dates = dates;
        this.exportCsv = exports.selection(() -> toExport, "Export CSV", "");
        addClassName("contact-manager");
        setSizeFull();

        configureFilters(users);
        configureGrid();
        configureActions();

        H2 title = new H2("Contacts");
        newContact.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newContact.addClickListener(e -> openNewContact());
        importContacts.addClickListener(e -> imports.open(() -> {
            list.setItems(lists.choices());
            refresh();
        }));
        importContacts.setVisible(currentUser.has(Permission.IMPORT_CONTACTS));
        HorizontalLayout heading = new HorizontalLayout(title, matchCount, newContact, importContacts);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("view-heading");
        matchCount.addClassName("match-count");

        HorizontalLayout filters = new HorizontalLayout(search, status, owner, list);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filter-bar");
        filters.setWrap(true);

        HorizontalLayout actions = new HorizontalLayout(allMatching, addToList, exportCsv, deleteSelected);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("bulk-bar");
        actions.setVisible(mayActOnSelection());

        add(heading, filters, actions, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureFilters(UserService users) {
        SearchFields.configure(search, "Search name, e-mail or company", "Search contacts");
        search.setWidth("22rem");
        search.addValueChangeListener(e -> applyFilter(filter.withSearch(e.getValue())));

        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(ContactStatus::label);
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any");
        status.addValueChangeListener(e -> applyFilter(filter.withStatus(e.getValue())));

        owner.setItems(users.listUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Anyone");
        owner.addValueChangeListener(e -> applyFilter(filter.withOwnerId(e.getValue() == null ? null : e.getValue().id())));
        // A Jr. Salesperson only ever sees their own leads; an owner filter would only confuse.
        owner.setVisible(!currentUser.is(Role.JR_SALESPERSON));

        list.setItems(lists.choices());
        list.setItemLabelGenerator(ListChoice::name);
        list.setClearButtonVisible(true);
        list.setPlaceholder("Any");
        list.addValueChangeListener(e -> applyFilter(filter.withListId(e.getValue() == null ? null : e.getValue().id())));
    }

    private void configureGrid() {
        grid.addClassName("contact-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // Rows are selectable only for those who can do something with a selection.
        grid.setSelectionMode(mayActOnSelection() ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        grid.setMultiSort(false);
        grid.addComponentColumn(ContactManagerView::nameLink).setHeader("Name").setKey("name")
                .setSortProperty(ContactSort.NAME.name()).setWidth("9rem").setFlexGrow(2);
        grid.addColumn(ContactRow::email).setHeader("Email").setKey("email")
                .setSortProperty(ContactSort.EMAIL.name()).setWidth("10.5rem").setFlexGrow(3);
        grid.addColumn(ContactRow::company).setHeader("Company").setKey("company")
                .setSortProperty(ContactSort.COMPANY.name()).setWidth("9rem").setFlexGrow(2);
        grid.addComponentColumn(ContactManagerView::statusBadge).setHeader("Status").setKey("status")
                .setSortProperty(ContactSort.STATUS.name()).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(ContactRow::ownerName).setHeader("Owner").setKey("owner").setWidth("7rem").setFlexGrow(2);
        grid.addColumn(ContactRow::leadScore).setHeader("Score").setKey("score")
                .setSortProperty(ContactSort.LEAD_SCORE.name()).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
                .setWidth("5.5rem").setFlexGrow(0);
        grid.addComponentColumn(ContactManagerView::syncBadge).setHeader("Synced").setKey("synced")
                .setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(row -> dates.date(row.createdAt())).setHeader("Created").setKey("created")
                .setSortProperty(ContactSort.CREATED.name()).setWidth("7rem").setFlexGrow(0);
        if (currentUser.has(Permission.DELETE_CONTACTS)) {
            grid.addComponentColumn(this::deleteButton).setHeader("").setKey("actions").setWidth("3.5rem").setFlexGrow(0);
        }
        grid.setItems(query -> {
            GridSort<ContactSort> sort = GridSort.of(query, ContactSort.class, ContactSort.NAME);
            return contacts.find(filter, sort.column(), sort.ascending(), query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(matching, Integer.MAX_VALUE));
        if (mayActOnSelection()) {
            grid.addSelectionListener(e -> updateActions());
        }
        // A click on a row opens the contact, except on its checkbox or delete button.
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && !"actions".equals(e.getColumn().getKey())) {
                openContact(e.getItem());
            }
        });
    }

    private void configureActions() {
        allMatching.addValueChangeListener(e -> {
            if (e.getValue()) {
                grid.deselectAll();
            }
            updateActions();
        });
        addToList.addClickListener(e -> openBulkEdit());
        addToList.setVisible(currentUser.has(Permission.MANAGE_LISTS));
        allMatching.setVisible(mayActOnSelection());
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.addClickListener(e -> deleteSelection());
        deleteSelected.setVisible(currentUser.has(Permission.DELETE_CONTACTS));
        exportCsv.setVisible(exports.allowed());
        updateActions();
    }

    private boolean mayActOnSelection() {
        return currentUser.has(Permission.MANAGE_LISTS) || currentUser.has(Permission.DELETE_CONTACTS)
                || exports.allowed();
    }

    private void applyFilter(ContactFilter newFilter) {
        filter = newFilter;
        allMatching.setValue(false);
        grid.deselectAll();
        refresh();
    }

    /** Counts once per change and then reloads; the grid's size comes from this count. */
    void refresh() {
        matching = contacts.count(filter);
        matchCount.setText(Counts.of(matching, "contact", "contacts") + (filter.equals(ContactFilter.ALL) ? "" : " matching"));
        allMatching.setLabel("Select all " + Counts.number(matching) + " matching");
        grid.getDataProvider().refreshAll();
        updateActions();
    }

    private void updateActions() {
        Set<ContactRow> selected = grid.getSelectedItems();
        addToList.setEnabled(allMatching.getValue() ? matching > 0 : !selected.isEmpty());
        addToList.setText(allMatching.getValue() || selected.isEmpty() ? "Add to list…"
                : "Add " + selected.size() + " to list…");
        updateDelete(selected);
        updateExport(selected);
    }

    /** Ticked rows are exported if there are any; otherwise (or with "all matching" ticked) the filter. */
    private void updateExport(Set<ContactRow> selected) {
        if (!allMatching.getValue() && !selected.isEmpty()) {
            toExport = BulkSelection.of(selected.stream().map(ContactRow::id).collect(Collectors.toSet()));
            exportCsv.describe("Export " + Counts.number(selected.size()) + " to CSV",
                    "Download the " + Counts.of(selected.size(), "ticked contact", "ticked contacts") + " as a CSV file");
        } else {
            toExport = BulkSelection.matching(filter);
            exportCsv.describe("Export CSV", filter.equals(ContactFilter.ALL)
                    ? "Download all " + Counts.of(matching, "contact", "contacts") + " as a CSV file"
                    : "Download the " + Counts.of(matching, "contact", "contacts") + " matching the filter as a CSV file");
        }
    }

    /** One ticked lead is deleted by name; several rows, or all matching, through the count-match confirmation. */
    private void updateDelete(Set<ContactRow> selected) {
        if (allMatching.getValue()) {
            deleteSelected.setEnabled(matching > 0);
            deleteSelected.setText("Delete " + Counts.number(matching) + " matching…");
            deleteSelected.setTooltipText("Delete every contact matching the filter");
        } else if (selected.size() > 1) {
            deleteSelected.setEnabled(true);
            deleteSelected.setText("Delete " + Counts.number(selected.size()) + "…");
            deleteSelected.setTooltipText("Delete the selected contacts");
        } else {
            boolean syncedOne = selected.size() == 1 && selected.iterator().next().synced();
            deleteSelected.setEnabled(selected.size() == 1 && !syncedOne);
            deleteSelected.setText("Delete");
            deleteSelected.setTooltipText(syncedOne ? syncedReason(selected.iterator().next()) : "Delete the selected lead");
        }
    }

    /** What the ticked rows or "all matching" stand for, and how many they are. */
    private record Selection(BulkSelection selection, long size) {
    }

    private Selection currentSelection() {
        if (allMatching.getValue()) {
            return new Selection(BulkSelection.matching(filter), matching);
        }
        Set<Long> ids = grid.getSelectedItems().stream().map(ContactRow::id).collect(Collectors.toSet());
        return new Selection(BulkSelection.of(ids), ids.size());
    }

    private void openBulkEdit() {
        Selection current = currentSelection();
        new BulkEditDialog(bulkEdit, lists, background, current.selection(), current.size(), () -> {
            list.setItems(lists.choices());
            grid.deselectAll();
            allMatching.setValue(false);
            refresh();
        }).open();
    }

    private Component deleteButton(ContactRow row) {
        Button delete = new Button(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
        delete.setAriaLabel("Delete " + row.fullName());
        if (row.synced()) {
            delete.setEnabled(false);
            delete.setTooltipText(syncedReason(row));
        } else {
            delete.setTooltipText("Delete " + row.fullName());
            delete.addClickListener(e -> confirmDelete(row));
        }
        return delete;
    }

    private void deleteSelection() {
        Set<ContactRow> selected = grid.getSelectedItems();
        if (!allMatching.getValue() && selected.size() == 1) {
            confirmDelete(selected.iterator().next());
        } else {
            confirmBulkDelete(currentSelection());
        }
    }

    private void confirmBulkDelete(Selection current) {
        boolean all = current.selection() instanceof BulkSelection.Matching;
        String which = !all ? "the " + Counts.of(current.size(), "selected contact", "selected contacts")
                : filter.equals(ContactFilter.ALL) ? "every contact (no filter is set)"
                : "every contact matching the filter (" + describeFilter() + ")";
        CountConfirmDialog.Wording wording = new CountConfirmDialog.Wording(
                all ? "Delete all contacts matching the filter?"
                        : "Delete " + Counts.of(current.size(), "selected contact", "selected contacts") + "?",
                "This permanently deletes " + which + " from the whole system, from every list and opportunity. "
                        + "It cannot be undone.",
                "Contacts selected",
                "Type the number of contacts selected to confirm",
                "That is not the number of contacts selected.",
                "Synced contacts stay, on their lists and opportunities.");
        // The service deletes only if the selection, counted again, is the one counted here.
        CountConfirmDialog<SelectionDeletionPreview> dialog = new CountConfirmDialog<>(wording, (shown, typed) ->
                background.run(typed, "Deleting " + Counts.of(typed, "contact", "contacts"),
                        progress -> bulkDeletion.deleteSelected(current.selection(), typed, shown.checksum(), progress),
                        result -> {
                            Notifications.success("Deleted " + Counts.of(result.contactsDeleted(), "contact", "contacts")
                                    + ", kept " + Counts.number(result.syncedKept()) + " synced, deleted "
                                    + Counts.of(result.opportunitiesDeleted(), "opportunity", "opportunities") + ".");
                            grid.deselectAll();
                            allMatching.setValue(false);
                            refresh();
                        }));
        if (exports.allowed()) {
            dialog.offerDownload(exports.selection(current::selection, CountConfirmDialog.DOWNLOAD_FIRST,
                    "A CSV file of the selected contacts as they are now"));
        }
        dialog.open();
        background.load(() -> bulkDeletion.previewDeletion(current.selection()),
                shown -> dialog.showCounts(shown, new CountConfirmDialog.Figures(shown.preview().selected(),
                        shown.preview().synced(), shown.preview().deletable(), shown.preview().opportunitiesDeleted())),
                dialog::showFailure);
    }

    /** The filter in words, as the audit log will record it: never the search text itself. */
    private String describeFilter() {
        return filter.describe(id -> owner.getValue() == null ? "#" + id : owner.getValue().displayName(),
                id -> list.getValue() == null ? "#" + id : list.getValue().name());
    }

    private void confirmDelete(ContactRow row) {
        new DeleteLeadDialog(row, leadDeletion, () -> {
            grid.deselectAll();
            refresh();
        }).open();
    }

    static String syncedReason(ContactRow row) {
        return "Synced with " + row.crmSystem().label() + " — delete it there";
    }

    private void openNewContact() {
        List<UserSummary> owners = currentUser.is(Role.JR_SALESPERSON) ? List.of() : users.listUsers();
        Long me = currentUser.summary().map(UserSummary::id).orElse(null);
        ContactFormDialog.forNew(owners, me, contacts::create, id -> {
            Notifications.success("Contact created.");
            getUI().ifPresent(ui -> ui.navigate(ContactView.class, id));
        }).open();
    }

    private void openContact(ContactRow row) {
        getUI().ifPresent(ui -> ui.navigate(ContactView.class, row.id()));
    }

    private static Component nameLink(ContactRow row) {
        return new RouterLink(row.fullName(), ContactView.class, row.id());
    }

    private static Component statusBadge(ContactRow row) {
        return ContactBadges.status(row.status());
    }

    private static Component syncBadge(ContactRow row) {
        return row.synced() ? ContactBadges.crm(row.crmSystem()) : new Span();
    }
}
