package org.leadcrm.user.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.security.UserRow;
import org.leadcrm.security.UserService;

/**
 * A row's actions on the Users page. Your own row has no Reset password (Change password in the
 * user menu asks for the current one) and says why it cannot deactivate you.
 */
class UserActionsMenu extends MenuBar {

    static final String CHANGE_ROLE = "Change role…";
    static final String RESET_PASSWORD = "Reset password…";
    static final String DEACTIVATE = "Deactivate…";
    static final String NOT_YOURSELF = "Deactivate… (not yourself)";
    static final String REACTIVATE = "Reactivate";
    static final String UNLOCK = "Unlock";

    private final UserRow user;
    private final UserService users;
    private final Runnable onChanged;

    UserActionsMenu(UserRow user, boolean yourself, UserService users, Runnable onChanged) {
        this.user = user;
        this.users = users;
        this.onChanged = onChanged;
        addClassName("user-actions");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        MenuItem actions = addItem("Actions");
        actions.add(VaadinIcon.ANGLE_DOWN.create());
        actions.getElement().setAttribute("aria-label", "Actions for " + user.username());
        getElement().setAttribute("aria-label", "Actions for " + user.username());
        SubMenu items = actions.getSubMenu();
        items.addItem(CHANGE_ROLE, e -> changeRole(yourself));
        if (!yourself) {
            items.addItem(RESET_PASSWORD, e -> resetPassword());
        }
        if (user.locked()) {
            items.addItem(UNLOCK, e -> unlock());
        }
        if (!user.active()) {
            items.addItem(REACTIVATE, e -> reactivate());
        } else if (yourself) {
            items.addItem(NOT_YOURSELF).setEnabled(false);
        } else {
            items.addItem(DEACTIVATE, e -> deactivate()).addClassName("danger");
        }
    }

    private void changeRole(boolean yourself) {
        new ChangeRoleDialog(user, yourself, role -> users.changeRole(user.username(), role), role -> {
            Notifications.success(user.displayName() + " is now " + role.displayName() + ", from "
                    + (yourself ? "your" : "their") + " next sign-in.");
            onChanged.run();
        }).open();
    }

    private void resetPassword() {
        new ResetPasswordDialog(user, password -> users.resetPassword(user.username(), password), () ->
                Notifications.success("Reset the password of " + user.displayName() + ".")).open();
    }

    private void deactivate() {
        new DeactivateUserDialog(user, () -> users.setActive(user.username(), false), () -> {
            Notifications.success("Deactivated " + user.displayName() + ".");
            onChanged.run();
        }).open();
    }

    private void reactivate() {
        act(() -> users.setActive(user.username(), true), "Reactivated " + user.displayName() + ": they can sign in again.");
    }

    private void unlock() {
        act(() -> users.unlock(user.username()),
                "Unlocked " + user.displayName() + ": they can sign in again from everywhere.");
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
            onChanged.run();
        } catch (RuntimeException e) {
            Notifications.error(ErrorMessages.messageFor(e));
        }
    }
}
