package org.leadcrm.user.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.base.ui.GridSort;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserRow;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSort;
import org.leadcrm.security.UserSummary;

/** Everyone who can sign in, or could, for Administrators: create, change a role, deactivate, reset, unlock. */
@Route("users")
@PageTitle("Users · LeadCRM")
@Menu(order = 8, icon = "USER_CARD", title = "Users")
@RolesAllowed(Role.Names.ADMIN)
class UsersView extends VerticalLayout {

    final Grid<UserRow> grid = new Grid<>(UserRow.class, false);
    final Button newUser = new Button("New user", VaadinIcon.PLUS.create());

    UsersView(UserService users, CurrentUser currentUser, Dates dates) {
        addClassName("users-view");
        setSizeFull();
        Runnable refresh = () -> grid.getDataProvider().refreshAll();

        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newUser.addClickListener(e -> new NewUserDialog(users::createUser, created -> {
            Notifications.success("Created " + describe(created) + ".");
            refresh.run();
        }).open());

        String you = currentUser.username();
        grid.addClassName("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        // Fixed widths: measured once, a column would cut off what a change shows later ("Deactivated", a lock).
        grid.addColumn(UserRow::username).setHeader("Username").setKey("username")
                .setSortProperty(UserSort.USERNAME.name()).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(UserRow::displayName).setHeader("Name").setKey("name")
                .setSortProperty(UserSort.NAME.name()).setWidth("9rem").setFlexGrow(2);
        grid.addColumn(row -> row.role().displayName()).setHeader("Role").setKey("role")
                .setSortProperty(UserSort.ROLE.name()).setWidth("10.5rem").setFlexGrow(0);
        grid.addComponentColumn(UsersView::activeBadge).setHeader("Active").setKey("active")
                .setSortProperty(UserSort.ACTIVE.name()).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(row -> row.lockedUntil() == null ? "" : dates.dateTimeToTheMinute(row.lockedUntil()))
                .setHeader("Locked until").setKey("lockedUntil").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(row -> row.lastSignInAt() == null ? "Never" : dates.dateTimeToTheMinute(row.lastSignInAt()))
                .setHeader("Last sign-in").setKey("lastSignIn")
                .setSortProperty(UserSort.LAST_SIGN_IN.name()).setWidth("12rem").setFlexGrow(0);
        grid.addComponentColumn(row -> new UserActionsMenu(row, row.username().equals(you), users, refresh))
                .setHeader("").setKey("actions")
                // A fixed width: measured automatically, the menu could fold into an overflow button.
                .setWidth("7.5rem").setFlexGrow(0);
        grid.setItems(query -> {
            GridSort<UserSort> sort = GridSort.of(query, UserSort.class, UserSort.NAME);
            return users.findUsers(sort.column(), sort.ascending(), query.getOffset(), query.getLimit()).stream();
        }, query -> (int) users.countUsers());

        Paragraph note = new Paragraph("A new role applies from the user's next sign-in. A deactivated user cannot "
                + "sign in, and pages they have open go to the sign-in page at their next click. Every change is "
                + "recorded in the audit log.");
        note.addClassName("hint");
        HorizontalLayout heading = new HorizontalLayout(new H2("Users"), newUser);
        heading.addClassName("view-heading");
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        add(heading, note, grid);
        setFlexGrow(1, grid);
    }

    private static Component activeBadge(UserRow row) {
        Span badge = new Span(row.active() ? "Active" : "Deactivated");
        badge.getElement().getThemeList().add(row.active() ? "badge success pill" : "badge contrast pill");
        return badge;
    }

    private static String describe(UserSummary user) {
        return user.displayName() + " (" + user.username() + "), " + user.role().displayName();
    }
}
