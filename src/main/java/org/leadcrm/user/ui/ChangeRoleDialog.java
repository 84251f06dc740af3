package org.leadcrm.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserChangeRefusedException;
import org.leadcrm.security.UserRow;
import org.springframework.lang.Nullable;

/**
 * Another role for a user. A role is read when its user signs in, so the change applies from
 * their next sign-in: the dialog says so rather than promise more.
 */
class ChangeRoleDialog extends UserFormDialog {

    final ComboBox<Role> role = new ComboBox<>("Role");

    private final UserRow user;
    private final Consumer<Role> changer;
    private final Consumer<Role> onChanged;

    /**
     * @param changer   changes the role; throws {@link UserChangeRefusedException} to refuse
     * @param yourself  whether the Administrator is changing their own role
     */
    ChangeRoleDialog(UserRow user, boolean yourself, Consumer<Role> changer, Consumer<Role> onChanged) {
        super("Change the role of " + user.displayName(), "Change role", "change-role-dialog");
        this.user = user;
        this.changer = changer;
        this.onChanged = onChanged;
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::displayName);
        role.setValue(user.role());
        role.setWidthFull();
        Paragraph when = new Paragraph(yourself
                ? "Your new role applies from your next sign-in: until you sign out, you keep the rights you have now."
                : "The new role applies from " + user.displayName() + "'s next sign-in: pages they have open now keep "
                        + "the rights of their current role until they sign out.");
        when.addClassName("hint");
        add(role, when);
    }

    @Override
    boolean valid() {
        if (role.isEmpty()) {
            invalid(role, "Choose a role.");
            return false;
        }
        role.setInvalid(false);
        return true;
    }

    @Override
    void submit() {
        Role chosen = role.getValue();
        if (chosen != user.role()) {
            changer.accept(chosen);
            onChanged.accept(chosen);
        }
    }

    @Override
    @Nullable HasValidation fieldFor(UserChangeRefusedException.Field field) {
        return field == UserChangeRefusedException.Field.ROLE ? role : null;
    }
}
