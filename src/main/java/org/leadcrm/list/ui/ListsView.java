package org.leadcrm.list.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.SearchFields;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.ListService;
import org.leadcrm.list.ListSummary;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.export.ui.ExportLinks;
import org.leadcrm.security.Permission;
import org.leadcrm.security.UserService;

/** All lists with their member and exclusion counts, "New List", and each list's Options. */
@Route("lists")
@PageTitle("Lists · LeadCRM")
@Menu(order = 2, icon = "LIST_UL", title = "Lists")
@PermitAll
class ListsView extends VerticalLayout {

    final Grid<ListSummary> grid = new Grid<>(ListSummary.class, false);
    final TextField search = new TextField();
    final Button newList = new Button("New List", VaadinIcon.PLUS.create());

    private final ListService lists;

    ListsView(ListService lists, ListOptionsService options, BackgroundOperation background, ExportLinks exports,
            UserService users, CurrentUser currentUser, Dates dates) {
        this.lists = lists;
        addClassName("lists-view");
        setSizeFull();

        SearchFields.configure(search, "Search lists", "Search lists");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        newList.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newList.setVisible(currentUser.has(Permission.MANAGE_LISTS));
        newList.addClickListener(e -> new ListFormDialog("New List", null, users.listUsers(), lists::create, name -> {
            Notifications.success("Created the list " + name + ".");
            grid.getDataProvider().refreshAll();
        }).open());

        grid.addClassName("lists-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(ListsView::nameLink).setHeader("Name").setKey("name").setFlexGrow(3);
        grid.addComponentColumn(ListsView::kindBadge).setHeader("Kind").setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Counts.number(l.memberCount())).setHeader("Members").setKey("members")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Counts.number(l.exclusionCount())).setHeader("Exclusions").setKey("exclusions")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ListSummary::createdBy).setHeader("Created by").setKey("createdBy").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> dates.date(l.createdAt())).setHeader("Created")
                .setKey("created").setAutoWidth(true).setFlexGrow(0);
        if (currentUser.has(Permission.DELETE_CONTACTS)) {
            Runnable reload = () -> grid.getDataProvider().refreshAll();
            grid.addComponentColumn(l -> new ListOptionsMenu(l, options, background, exports, reload, reload))
                    .setHeader("").setKey("options")
                    // A fixed width: measured automatically, the menu could fold into an overflow button.
                    .setWidth("8.5rem").setFlexGrow(0);
        }
        grid.setItems(query -> lists.find(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) lists.count(search.getValue()));

        H2 title = new H2("Lists");
        HorizontalLayout toolbar = new HorizontalLayout(search, newList);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, toolbar, grid);
        setFlexGrow(1, grid);
    }

    private static Component nameLink(ListSummary list) {
        RouterLink link = new RouterLink(list.name(), ListView.class, list.id());
        link.addClassName("list-link");
        return link;
    }

    static Component kindBadge(ListSummary list) {
        Span badge = new Span(list.kind());
        badge.getElement().getThemeList().add(list.manual() ? "badge pill" : "badge success pill");
        return badge;
    }
}
