package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.ContactService;
import org.leadcrm.export.ui.ExportLinks;
import org.leadcrm.list.ListDetails;
import org.leadcrm.list.ListMemberService;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.ListService;
import org.leadcrm.list.ListSummary;
import org.leadcrm.list.RebuildResult;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/** One list's page: its name, rules and counts, its actions, and tabs for its members and exclusions. */
@Route("list")
@PermitAll
class ListView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    final H2 title = new H2();
    final Span memberCount = new Span();
    final HorizontalLayout actions = new HorizontalLayout();
    MembersTab membersTab;
    ExclusionsTab exclusionsTab;

    private final ListService lists;
    private final ListMemberService listMembers;
    private final ListOptionsService options;
    private final ContactService contacts;
    private final UserService users;
    private final BackgroundOperation background;
    private final ExportLinks exports;
    private final CurrentUser currentUser;
    private final Dates dates;
    private final Div details = new Div();
    private ListSummary list;

    ListView(ListService lists, ListMemberService listMembers, ListOptionsService options, ContactService contacts,
            UserService users, BackgroundOperation background, ExportLinks exports, CurrentUser currentUser, Dates dates) {
        this.lists = lists;
        this.listMembers = listMembers;
        this.options = options;
        this.contacts = contacts;
        this.users = users;
        this.background = background;
        this.exports = exports;
        this.currentUser = currentUser;
        this.dates = dates;
        addClassName("list-view");
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return (list == null ? "List" : list.name()) + " · LeadCRM";
    }

    @Override
    public void setParameter(BeforeEvent event, Long listId) {
        Optional<ListSummary> summary = listId == null ? Optional.empty() : lists.findSummary(listId);
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

        boolean mayEdit = currentUser.has(Permission.MANAGE_LISTS);
        membersTab = new MembersTab(list, contacts, listMembers, background, mayEdit, this::refresh);
        exclusionsTab = new ExclusionsTab(list, contacts, listMembers, dates, mayEdit, this::refresh);
        TabSheet tabs = new TabSheet();
        tabs.add("Members", membersTab);
        tabs.add("Exclusions", exclusionsTab);
        tabs.setSizeFull();

        add(heading, details, actions, tabs);
        setFlexGrow(1, tabs);
        refresh();
    }

    private void refresh() {
        Optional<ListSummary> fresh = lists.findSummary(list.id());
        Optional<ListDetails> listDetails = lists.findDetails(list.id());
        if (fresh.isEmpty() || listDetails.isEmpty()) {
            showListsPage();
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
        if (!list.manual()) {
            Paragraph rules = new Paragraph("Rules: " + listDetails.get().rules().describe(this::userName));
            rules.addClassName("rules-summary");
            details.add(rules);
        }
        buildActions(listDetails.get());
        membersTab.show(list);
        membersTab.refresh();
        exclusionsTab.refresh();
    }

    private String userName(long userId) {
        return users.listUsers().stream().filter(u -> u.id() == userId)
                .map(UserSummary::displayName).findFirst().orElse("#" + userId);
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
                actions.add(new Button("Rebuild list", VaadinIcon.REFRESH.create(), e -> rebuild()));
            }
        }
        if (exports.allowed()) {
            actions.add(exports.list(list.id(), list.name(), "Export CSV",
                    "Download the list's " + Counts.of(list.memberCount(), "member", "members") + " as a CSV file"));
        }
        if (currentUser.has(Permission.DELETE_CONTACTS)) {
            actions.add(new ListOptionsMenu(list, options, background, exports, this::refresh, this::showListsPage));
        }
    }

    private void showListsPage() {
        getUI().ifPresent(ui -> ui.navigate(ListsView.class));
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
}
