package org.leadcrm.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/**
 * The frame around every signed-in page: app name, side navigation (only the views the user may
 * open), and the user's menu: their name and role, changing their password, signing out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    static final String CHANGE_PASSWORD = "Change password…";
    static final String SIGN_OUT = "Sign out";

    public MainLayout(CurrentUser currentUser, UserService users, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), spacer(), userMenu(currentUser, users, authentication));
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

    /**
     * Who is signed in, as a menu: changing one's own password, and signing out. The menu's button
     * shows the user's name and role.
     */
    private static MenuBar userMenu(CurrentUser currentUser, UserService users, AuthenticationContext authentication) {
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
        MenuBar menu = new MenuBar();
        menu.addClassName("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem user = menu.addItem(avatar);
        user.add(who, VaadinIcon.ANGLE_DOWN.create());
        user.getElement().setAttribute("aria-label", "User menu of " + name);
        user.getSubMenu().addItem(CHANGE_PASSWORD, click -> new ChangePasswordDialog(users).open());
        user.getSubMenu().addItem(SIGN_OUT, click -> authentication.logout());
        return menu;
    }
}
