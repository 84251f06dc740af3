package org.leadcrm.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

class ViewAccessTest extends KaribuTest {

    ViewAccessTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @Test
    void anonymous_users_are_sent_to_the_login_view() {
        UI.getCurrent().navigate("contacts");
        _get(LoginView.class);
        assertThat(currentView()).isEqualTo("LoginView");

        UI.getCurrent().navigate("lists");
        _get(LoginView.class);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_lands_on_the_contact_manager(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("");
        assertThat(currentView()).isEqualTo("ContactManagerView");
        assertThat(menu()).contains("Contact Manager", "Lists");
    }

    @Test
    void an_administrator_may_open_the_audit_log() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("audit");
        assertThat(currentView()).isEqualTo("AuditLogView");
        assertThat(menu()).contains("Audit log");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void other_roles_can_neither_open_nor_see_the_audit_log(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("contacts");
        assertThat(menu()).doesNotContain("Audit log");

        UI.getCurrent().navigate("audit");
        // Vaadin shows its access-denied error instead of the view
        assertThat(currentView()).isNotEqualTo("AuditLogView");
    }

    @Test
    void an_administrator_may_open_the_users_page() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("users");
        assertThat(currentView()).isEqualTo("UsersView");
        assertThat(menu()).contains("Users");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void other_roles_can_neither_open_nor_see_the_users_page(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("contacts");
        assertThat(menu()).doesNotContain("Users");

        UI.getCurrent().navigate("users");
        assertThat(currentView()).isNotEqualTo("UsersView");
    }

    /** The view the router shows now (views are package-private, so by name). */
    private static String currentView() {
        return ClassUtils.getUserClass(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).getSimpleName();
    }

    private static List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
