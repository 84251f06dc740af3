package org.leadcrm.base.ui;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Change password, from the user menu of every page, for every role (PRODUCT.md, "Users"). */
class ChangePasswordFlowTest extends KaribuTest {

    private static final String NEW_PASSWORD = "plum-harbour-lantern-42";

    ChangePasswordFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private ChangePasswordDialog openFromTheUserMenu(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("");
        MenuBar userMenu = _get(MenuBar.class, spec -> spec.withClasses("user-menu"));
        _clickItemWithCaption(userMenu, MainLayout.CHANGE_PASSWORD);
        return _get(ChangePasswordDialog.class);
    }

    private static void fillIn(ChangePasswordDialog dialog, String current, String newPassword, String repeated) {
        _setValue(dialog.current, current);
        _setValue(dialog.newPassword, newPassword);
        _setValue(dialog.repeated, repeated);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_changes_their_own_password_with_the_current_one(Role role) {
        ChangePasswordDialog dialog = openFromTheUserMenu(role);
        fillIn(dialog, TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        _click(dialog.change);

        expectNotifications("Your password is changed. Use the new one the next time you sign in.");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(passwordIs(TestData.usernameOf(role), NEW_PASSWORD)).isTrue();
        assertThat(data.jdbc().queryForList("select operation || ' by ' || username from audit_entry", String.class))
                .containsExactly("PASSWORD_CHANGED by " + TestData.usernameOf(role));
    }

    @Test
    void each_field_says_what_is_missing_and_the_repeat_must_match() {
        ChangePasswordDialog dialog = openFromTheUserMenu(Role.SALESPERSON);

        _click(dialog.change);

        assertThat(dialog.current.getErrorMessage()).isEqualTo("Enter your current password.");
        assertThat(dialog.newPassword.getErrorMessage()).isEqualTo("Enter a new password.");

        fillIn(dialog, TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        _click(dialog.change);

        assertThat(dialog.current.isInvalid()).isFalse();
        assertThat(dialog.newPassword.isInvalid()).isFalse();
        assertThat(dialog.repeated.isInvalid()).isTrue();
        assertThat(dialog.repeated.getErrorMessage()).isEqualTo("This is not the same as the new password above.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(passwordIs("salesperson", TestData.PASSWORD)).isTrue();
    }

    @Test
    void a_wrong_current_password_is_refused_on_its_field_and_counted_as_a_failed_sign_in() {
        ChangePasswordDialog dialog = openFromTheUserMenu(Role.MARKETING_MANAGER);
        fillIn(dialog, "not my password", NEW_PASSWORD, NEW_PASSWORD);

        _click(dialog.change);

        assertThat(dialog.current.isInvalid()).isTrue();
        assertThat(dialog.current.getErrorMessage()).isEqualTo("That is not your current password.");
        assertThat(data.jdbc().queryForObject("select sum(failures) from sign_in_throttle where username = 'marketing_manager'",
                Integer.class)).isOne();

        for (int guess = 2; guess <= 5; guess++) {
            _setValue(dialog.current, "guess " + guess);
            _click(dialog.change);
        }
        _setValue(dialog.current, TestData.PASSWORD);
        _click(dialog.change);

        assertThat(dialog.current.getErrorMessage()).startsWith("Too many wrong passwords from here");
        assertThat(passwordIs("marketing_manager", TestData.PASSWORD)).isTrue();
    }

    @Test
    void a_common_new_password_is_refused_on_its_field_with_the_reason() {
        ChangePasswordDialog dialog = openFromTheUserMenu(Role.JR_SALESPERSON);
        fillIn(dialog, TestData.PASSWORD, "qwertyuiopasdf", "qwertyuiopasdf");

        _click(dialog.change);

        assertThat(dialog.newPassword.isInvalid()).isTrue();
        assertThat(dialog.newPassword.getErrorMessage()).startsWith("Too easy to guess.");
        assertThat(dialog.isOpened()).isTrue();
    }

    private boolean passwordIs(String username, String password) {
        String hash = data.jdbc().queryForObject("select password_hash from app_user where username = ?", String.class, username);
        return bean(PasswordEncoder.class).matches(password, hash);
    }
}
