package org.leadcrm.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;

/**
 * The frame around every signed-in page: app name, side navigation (only the views the user may
 * open), the user's name and role, and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), spacer(), userMenu(currentUser, authentication));
    }

    private static Div brand() {
        Span logo = new Span("L");
        logo.addClassName("brand-logo");
        Span name = new Span("LeadCRM");
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        // Menu entries come from @Menu on the views and are filtered by what the user may open.
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static Div spacer() {
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        return spacer;
    }

    private static HorizontalLayout userMenu(CurrentUser currentUser, AuthenticationContext authentication) {
        String name = currentUser.summary().map(UserSummary::displayName).orElse(currentUser.username());
        String role = currentUser.role().map(Role::displayName).orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        Span userName = new Span(name);
        userName.addClassName("user-name");
        Span userRole = new Span(role);
        userRole.addClassName("user-role");
        Div who = new Div(userName, userRole);
        who.addClassName("user-info");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout menu = new HorizontalLayout(avatar, who, signOut);
        menu.addClassName("user-menu");
        menu.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        return menu;
    }
}
