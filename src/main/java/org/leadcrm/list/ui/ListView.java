package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.list.ExcludedContact;
import org.leadcrm.list.ListDetails;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.ListRules;
import org.leadcrm.list.ListService;
import org.leadcrm.list.ListSummary;
import org.leadcrm.list.RebuildResult;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/** One list's page: its members (search, sort, remove one), its exclusions, its Options. */
@Route("list")
@PermitAll
public class ListView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    final Grid<ContactRow> members = new Grid<>(ContactRow.class, false);
    final Grid<ExcludedContact> exclusions = new Grid<>(ExcludedContact.class, false);
    final TextField memberSearch = new TextField();
    final ComboBox<ContactRow> excludePicker = new ComboBox<>();
    final H2 title = new H2();
    final Span memberCount = new Span();
    final HorizontalLayout actions = new HorizontalLayout();
    TabSheet tabs = new TabSheet();

    private final ListService lists;
    private final ListOptionsService options;
    private final ContactService contacts;
    private final UserService users;
    private final BackgroundOperation background;
    private final CurrentUser currentUser;
    private final Div details = new Div();
    private ListSummary list;

    public ListView(ListService lists, ListOptionsService options, ContactService contacts, UserService users,
            BackgroundOperation background, CurrentUser currentUser) {
        this.lists = lists;
        this.options = options;
        this.contacts = contacts;
        this.users = users;
        this.background = background;
        this.currentUser = currentUser;
        addClassName("list-view");
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return (list == null ? "List" : list.name()) + " · LeadCRM";
    }

    @Override
    public void setParameter(BeforeEvent event, Long listId) {
        var summary = listId == null ? java.util.Optional.<ListSummary>empty() : lists.findSummary(listId);
        if (summary.isEmpty()) {
            Notifications.error("This list no longer exists.");
            event.forwardTo(ListsView.class);
            return;
        }
        list = summary.get();
        build();
    }

    private void build() {
        removeAll();
        memberCount.addClassName("match-count");
        HorizontalLayout heading = new HorizontalLayout(title, ListsView.kindBadge(list), memberCount);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("view-heading");
        details.addClassName("list-details");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        configureMembers();
        configureExclusions();
        tabs = new TabSheet();
        tabs.add("Members", membersTab());
        tabs.add("Exclusions", exclusionsTab());
        tabs.setSizeFull();

        add(heading, details, actions, tabs);
        setFlexGrow(1, tabs);
        refresh();
    }

    private void refresh() {
        var fresh = lists.findSummary(list.id());
        if (fresh.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ListsView.class));
            return;
        }
        list = fresh.get();
        title.setText(list.name());
        memberCount.setText(Counts.of(list.memberCount(), "member", "members")
                + " · " + Counts.number(list.exclusionCount()) + " excluded");
        details.removeAll();
        if (list.description() != null) {
            details.add(new Paragraph(list.description()));
        }
        ListDetails listDetails = lists.findDetails(list.id()).orElseThrow();
        if (!list.manual()) {
            Paragraph rules = new Paragraph("Rules: " + describe(listDetails.rules()));
            rules.addClassName("rules-summary");
            details.add(rules);
        }
        buildActions(listDetails);
        members.getDataProvider().refreshAll();
        exclusions.getDataProvider().refreshAll();
    }

    private void buildActions(ListDetails listDetails) {
        actions.removeAll();
        if (currentUser.has(Permission.MANAGE_LISTS)) {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> new ListFormDialog("Edit list", listDetails,
                    users.listUsers(), draft -> lists.update(list.id(), draft), name -> {
                        Notifications.success("Saved " + name + ".");
                        refresh();
                    }).open());
            actions.add(edit);
            if (!list.manual()) {
                Button rebuild = new Button("Rebuild list", VaadinIcon.REFRESH.create(), e -> rebuild());
                actions.add(rebuild);
            }
        }
        if (currentUser.has(Permission.DELETE_CONTACTS)) {
            actions.add(new ListOptionsMenu(list, options, background, listGone -> {
                if (listGone) {
                    getUI().ifPresent(ui -> ui.navigate(ListsView.class));
                } else {
                    refresh();
                }
            }));
        }
    }

    private void rebuild() {
        try {
            RebuildResult result = lists.rebuild(list.id());
            Notifications.success("Rebuilt " + list.name() + ": " + Counts.number(result.added()) + " added, "
                    + Counts.number(result.removed()) + " no longer matching removed.");
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
        refresh();
    }

    private void configureMembers() {
        members.addClassName("members-grid");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        members.setMultiSort(false);
        members.removeAllColumns();
        members.addColumn(ContactRow::fullName).setHeader("Name").setSortProperty(ContactSort.NAME.name()).setFlexGrow(2);
        members.addColumn(ContactRow::email).setHeader("Email").setSortProperty(ContactSort.EMAIL.name()).setFlexGrow(2);
        members.addColumn(ContactRow::company).setHeader("Company").setSortProperty(ContactSort.COMPANY.name()).setFlexGrow(2);
        members.addColumn(r -> r.status().label()).setHeader("Status").setSortProperty(ContactSort.STATUS.name()).setAutoWidth(true);
        members.addColumn(r -> r.synced() ? "Synced: " + r.crmSystem().label() : "").setHeader("Synced").setAutoWidth(true);
        if (currentUser.has(Permission.MANAGE_LISTS)) {
            members.addComponentColumn(row -> {
                Button remove = new Button("Remove", e -> removeMember(row));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setTooltipText(list.manual() ? "Remove from this list"
                        : "Remove from this list and exclude, so the rules do not bring it back");
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        members.setItems(query -> {
            var order = query.getSortOrders();
            ContactSort sort = order.isEmpty() ? ContactSort.NAME : ContactSort.valueOf(order.get(0).getSorted());
            boolean asc = order.isEmpty() || order.get(0).getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING;
            return contacts.find(memberFilter(), sort, asc, query.getOffset(), query.getLimit()).stream();
        }, query -> (int) contacts.count(memberFilter()));
        memberSearch.setPlaceholder("Search members");
        memberSearch.setAriaLabel("Search members");
        memberSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        memberSearch.setClearButtonVisible(true);
        memberSearch.setMaxLength(ContactFilter.SEARCH_MAX_LENGTH);
        memberSearch.setValueChangeMode(ValueChangeMode.LAZY);
        memberSearch.addValueChangeListener(e -> members.getDataProvider().refreshAll());
    }

    private ContactFilter memberFilter() {
        return ContactFilter.ALL.withListId(list.id()).withSearch(memberSearch.getValue());
    }

    private void removeMember(ContactRow row) {
        try {
            lists.removeMember(list.id(), row.id());
            Notifications.success("Removed " + row.fullName() + " from " + list.name()
                    + (list.manual() ? "." : " and excluded it."));
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
        refresh();
    }

    private void configureExclusions() {
        exclusions.addClassName("exclusions-grid");
        exclusions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        exclusions.removeAllColumns();
        exclusions.addColumn(ExcludedContact::name).setHeader("Name").setFlexGrow(2);
        exclusions.addColumn(ExcludedContact::email).setHeader("Email").setFlexGrow(2);
        exclusions.addColumn(ExcludedContact::company).setHeader("Company").setFlexGrow(2);
        exclusions.addColumn(e -> ListsView.DATE.format(e.excludedAt().atZone(ZoneId.systemDefault()))).setHeader("Excluded").setAutoWidth(true);
        if (currentUser.has(Permission.MANAGE_LISTS)) {
            exclusions.addComponentColumn(excluded -> {
                Button remove = new Button("Remove exclusion", e -> {
                    lists.removeExclusion(list.id(), excluded.contactId());
                    Notifications.success(excluded.name() + " is no longer excluded"
                            + (list.manual() ? "." : "; the next rebuild adds it if it matches the rules."));
                    refresh();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        exclusions.setItems(query -> lists.findExclusions(list.id(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) lists.countExclusions(list.id()));
    }

    private VerticalLayout membersTab() {
        VerticalLayout tab = new VerticalLayout(memberSearch, members);
        tab.setPadding(false);
        tab.setSizeFull();
        tab.setFlexGrow(1, members);
        return tab;
    }

    private VerticalLayout exclusionsTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        tab.setSizeFull();
        if (currentUser.has(Permission.MANAGE_LISTS)) {
            excludePicker.setPlaceholder("Find a contact to exclude");
            excludePicker.setAriaLabel("Contact to exclude");
            excludePicker.setWidth("24rem");
            excludePicker.setItemLabelGenerator(r -> r.fullName() + " <" + r.email() + ">");
            excludePicker.setItems(query -> contacts.find(ContactFilter.ALL.withSearch(query.getFilter().orElse("")),
                    ContactSort.NAME, true, query.getOffset(), query.getLimit()).stream());
            Button exclude = new Button("Exclude", VaadinIcon.BAN.create(), e -> {
                ContactRow chosen = excludePicker.getValue();
                if (chosen == null) {
                    excludePicker.setErrorMessage("Choose a contact");
                    excludePicker.setInvalid(true);
                    return;
                }
                lists.addExclusion(list.id(), chosen.id());
                excludePicker.clear();
                Notifications.success(chosen.fullName() + " is excluded from " + list.name() + ".");
                refresh();
            });
            HorizontalLayout add = new HorizontalLayout(excludePicker, exclude);
            add.setAlignItems(FlexComponent.Alignment.BASELINE);
            tab.add(add);
        }
        tab.add(new Paragraph("Excluded contacts never become members, whatever the rules or a Bulk Edit say."), exclusions);
        tab.setFlexGrow(1, exclusions);
        return tab;
    }

    private String describe(ListRules rules) {
        List<String> parts = new ArrayList<>();
        if (rules.company() != null) parts.add("company is " + rules.company());
        if (rules.city() != null) parts.add("city is " + rules.city());
        if (rules.country() != null) parts.add("country is " + rules.country());
        if (rules.status() != null) parts.add("status is " + rules.status().label());
        if (rules.ownerId() != null) {
            parts.add("owner is " + users.listUsers().stream().filter(u -> u.id() == rules.ownerId())
                    .map(UserSummary::displayName).findFirst().orElse("#" + rules.ownerId()));
        }
        if (rules.minScore() != null) parts.add("lead score ≥ " + rules.minScore());
        if (rules.maxScore() != null) parts.add("lead score ≤ " + rules.maxScore());
        if (rules.createdFrom() != null) parts.add("created on or after " + rules.createdFrom());
        if (rules.createdTo() != null) parts.add("created on or before " + rules.createdTo());
        return parts.isEmpty() ? "none (every contact matches)" : String.join(" and ", parts);
    }
}
