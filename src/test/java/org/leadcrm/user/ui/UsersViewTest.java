package org.leadcrm.user.ui;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserRow;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;

/** The Users page and its dialogs, as an Administrator uses them (PRODUCT.md, "Users"). */
class UsersViewTest extends KaribuTest {

    private static final String GOOD_PASSWORD = "plum-harbour-lantern-42";

    UsersViewTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    private UsersView openUsersPage() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        return _get(UsersView.class);
    }

    // --- the grid ------------------------------------------------------------------------------------

    @Test
    void the_page_lists_every_user_with_role_status_lock_and_last_sign_in() {
        data.user("ada", Role.SALESPERSON);
        data.user("bob", Role.JR_SALESPERSON);
        data.jdbc().update("update app_user set active = false where username = 'bob'");
        data.jdbc().update("update app_user set last_sign_in_at = ? where username = 'bob'",
                Timestamp.from(Instant.parse("2025-06-02T09:00:00Z")));
        lock("ada");

        UsersView view = openUsersPage();

        assertThat(_size(view.grid)).isEqualTo(3);
        UserRow ada = row(view, "ada");
        assertThat(ada.role()).isEqualTo(Role.SALESPERSON);
        assertThat(ada.locked()).isTrue();
        assertThat(_getFormattedRow(view.grid, ada)).contains("ada", "User ada", "Salesperson", "Never");
        UserRow bob = row(view, "bob");
        assertThat(bob.active()).isFalse();
        assertThat(String.join(" ", _getFormattedRow(view.grid, bob))).contains("Jr. Salesperson", "Jun 2, 2025");
    }

    // --- a new user ----------------------------------------------------------------------------------

    @Test
    void a_new_user_is_created_shown_in_the_grid_and_audited() {
        UsersView view = openUsersPage();
        _click(view.newUser);
        NewUserDialog dialog = _get(NewUserDialog.class);
        _setValue(dialog.username, "mia");
        _setValue(dialog.displayName, "Mia Stone");
        _setValue(dialog.role, Role.MARKETING_MANAGER);
        _setValue(dialog.password, GOOD_PASSWORD);

        _click(dialog.action);

        expectNotifications("Created Mia Stone (mia), Marketing Manager.");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(row(view, "mia").role()).isEqualTo(Role.MARKETING_MANAGER);
        assertThat(data.jdbc().queryForList("select operation from audit_entry", String.class)).containsExactly("USER_CREATED");
    }

    @Test
    void each_field_of_a_new_user_says_what_is_wrong_with_it_and_nothing_is_created() {
        UsersView view = openUsersPage();
        _click(view.newUser);
        NewUserDialog dialog = _get(NewUserDialog.class);

        _click(dialog.action);

        assertThat(dialog.username.getErrorMessage()).isEqualTo("Enter a username.");
        assertThat(dialog.displayName.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(dialog.role.getErrorMessage()).isEqualTo("Choose a role.");
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Enter an initial password.");
        assertThat(List.of(dialog.username.isInvalid(), dialog.displayName.isInvalid(), dialog.role.isInvalid(),
                dialog.password.isInvalid())).containsOnly(true);

        _setValue(dialog.username, "mia stone");
        _setValue(dialog.displayName, "Mia Stone");
        _setValue(dialog.role, Role.SALESPERSON);
        _setValue(dialog.password, "too-short");
        _click(dialog.action);

        assertThat(dialog.username.getErrorMessage()).isEqualTo("Use letters, digits and . _ @ - only, no spaces.");
        assertThat(dialog.displayName.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(data.userExists("mia stone")).isFalse();
    }

    @Test
    void a_taken_username_and_a_weak_password_are_refused_on_their_fields_and_what_was_typed_stays() {
        data.user("mia", Role.SALESPERSON);
        UsersView view = openUsersPage();
        _click(view.newUser);
        NewUserDialog dialog = _get(NewUserDialog.class);
        _setValue(dialog.username, "MIA");
        _setValue(dialog.displayName, "Mia Stone");
        _setValue(dialog.role, Role.SALESPERSON);
        _setValue(dialog.password, GOOD_PASSWORD);

        _click(dialog.action);

        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).startsWith("That username is taken");

        _setValue(dialog.username, "mia.stone");
        _setValue(dialog.password, "password1234");
        _click(dialog.action);

        assertThat(dialog.username.isInvalid()).isFalse();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).startsWith("Too easy to guess. This is a very common password.");
        assertThat(dialog.displayName.getValue()).isEqualTo("Mia Stone");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(data.userExists("mia.stone")).isFalse();
    }

    // --- role ----------------------------------------------------------------------------------------

    @Test
    void a_new_role_is_saved_and_the_dialog_says_it_applies_from_the_next_sign_in() {
        data.user("ada", Role.SALESPERSON);
        UsersView view = openUsersPage();
        _clickItemWithCaption(actions(view, "ada"), UserActionsMenu.CHANGE_ROLE);
        ChangeRoleDialog dialog = _get(ChangeRoleDialog.class);

        assertThat(dialog.getElement().getTextRecursively()).contains("applies from User ada's next sign-in");
        _setValue(dialog.role, Role.SALES_MANAGER);
        _click(dialog.action);

        expectNotifications("User ada is now Sales Manager, from their next sign-in.");
        assertThat(row(view, "ada").role()).isEqualTo(Role.SALES_MANAGER);
    }

    @Test
    void demoting_the_only_administrator_is_refused_with_the_reason_in_the_dialog() {
        UsersView view = openUsersPage();
        _clickItemWithCaption(actions(view, "admin"), UserActionsMenu.CHANGE_ROLE);
        ChangeRoleDialog dialog = _get(ChangeRoleDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Your new role applies from your next sign-in");

        _setValue(dialog.role, Role.COMPANY_MANAGER);
        _click(dialog.action);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.formError.isVisible()).isTrue();
        assertThat(dialog.formError.getText()).isEqualTo("User admin is the last active Administrator: make someone "
                + "else an Administrator before you change their role.");
        assertThat(row(view, "admin").role()).isEqualTo(Role.ADMIN);
    }

    // --- password ------------------------------------------------------------------------------------

    @Test
    void a_reset_password_follows_the_same_rules_and_your_own_row_has_no_reset() {
        data.user("ada", Role.SALESPERSON);
        UsersView view = openUsersPage();
        assertThat(captions(actions(view, "admin"))).doesNotContain(UserActionsMenu.RESET_PASSWORD);
        _clickItemWithCaption(actions(view, "ada"), UserActionsMenu.RESET_PASSWORD);
        ResetPasswordDialog dialog = _get(ResetPasswordDialog.class);

        _click(dialog.action);
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Enter a new password.");
        _setValue(dialog.password, "short");
        _click(dialog.action);
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Use at least 12 characters (this has 5).");
        _setValue(dialog.password, GOOD_PASSWORD);
        _click(dialog.action);

        expectNotifications("Reset the password of User ada.");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(data.jdbc().queryForList("select operation from audit_entry", String.class)).containsExactly("PASSWORD_RESET");
    }

    // --- deactivating, reactivating, unlocking -------------------------------------------------------

    @Test
    void a_user_is_deactivated_after_a_confirmation_and_reactivated() {
        data.user("ada", Role.SALESPERSON);
        UsersView view = openUsersPage();
        _clickItemWithCaption(actions(view, "ada"), UserActionsMenu.DEACTIVATE);
        DeactivateUserDialog dialog = _get(DeactivateUserDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("can no longer sign in",
                "go to the sign-in page at their next click");

        _click(dialog.deactivate);

        expectNotifications("Deactivated User ada.");
        assertThat(row(view, "ada").active()).isFalse();
        assertThat(captions(actions(view, "ada"))).contains(UserActionsMenu.REACTIVATE).doesNotContain(UserActionsMenu.DEACTIVATE);

        _clickItemWithCaption(actions(view, "ada"), UserActionsMenu.REACTIVATE);

        expectNotifications("Reactivated User ada: they can sign in again.");
        assertThat(row(view, "ada").active()).isTrue();
    }

    @Test
    void your_own_row_says_you_cannot_deactivate_yourself() {
        UsersView view = openUsersPage();

        MenuItem own = items(actions(view, "admin")).stream()
                .filter(item -> item.getText().equals(UserActionsMenu.NOT_YOURSELF)).findFirst().orElseThrow();

        assertThat(own.isEnabled()).isFalse();
        assertThat(captions(actions(view, "admin"))).doesNotContain(UserActionsMenu.DEACTIVATE);
    }

    @Test
    void deactivating_the_last_active_administrator_is_refused_with_the_reason_in_the_dialog() {
        data.user("root", Role.ADMIN);
        UsersView view = openUsersPage();
        // the signed-in Administrator's own account was deactivated meanwhile, in another browser
        data.jdbc().update("update app_user set active = false where username = 'admin'");
        _clickItemWithCaption(actions(view, "root"), UserActionsMenu.DEACTIVATE);
        DeactivateUserDialog dialog = _get(DeactivateUserDialog.class);

        _click(dialog.deactivate);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.formError.getText()).isEqualTo("User root is the last active Administrator: make someone "
                + "else an Administrator before you deactivate them.");
        assertThat(row(view, "root").active()).isTrue();
    }

    @Test
    void a_locked_account_is_unlocked_from_its_row() {
        data.user("ada", Role.SALESPERSON);
        data.user("bob", Role.SALESPERSON);
        lock("ada");
        UsersView view = openUsersPage();
        assertThat(captions(actions(view, "bob"))).doesNotContain(UserActionsMenu.UNLOCK);

        _clickItemWithCaption(actions(view, "ada"), UserActionsMenu.UNLOCK);

        expectNotifications("Unlocked User ada: they can sign in again from everywhere.");
        assertThat(row(view, "ada").locked()).isFalse();
        assertThat(_find(DeactivateUserDialog.class)).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void lock(String username) {
        data.jdbc().update("""
                insert into sign_in_throttle (username, client_address, failures, last_failure_at, locked_until)
                values (?, '198.51.100.23', 5, current_timestamp, ?)
                """, username, Timestamp.from(Instant.now().plusSeconds(15 * 60)));
    }

    private static int index(UsersView view, String username) {
        return IntStream.range(0, _size(view.grid)).filter(i -> _get(view.grid, i).username().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + username));
    }

    private static UserRow row(UsersView view, String username) {
        return _get(view.grid, index(view, username));
    }

    private static UserActionsMenu actions(UsersView view, String username) {
        return (UserActionsMenu) _getCellComponent(view.grid, index(view, username), "actions");
    }

    private static List<MenuItem> items(UserActionsMenu menu) {
        return menu.getItems().get(0).getSubMenu().getItems();
    }

    private static List<String> captions(UserActionsMenu menu) {
        return items(menu).stream().map(MenuItem::getText).toList();
    }
}
