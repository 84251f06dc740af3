package org.leadcrm.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.function.Consumer;
import org.leadcrm.security.NewUser;
import org.leadcrm.security.PasswordRules;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserChangeRefusedException;
import org.leadcrm.security.UserSummary;
import org.springframework.lang.Nullable;

/**
 * A new user: username, name, role and initial password. The first three are checked here with
 * {@link NewUser}'s rules; the password and whether the username is free, by the service.
 */
class NewUserDialog extends UserFormDialog {

    /** Creates the user; throws {@link UserChangeRefusedException} to refuse. */
    interface Creator {
        UserSummary create(String username, String displayName, String initialPassword, Role role);
    }

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final ComboBox<Role> role = new ComboBox<>("Role");
    final PasswordField password = new PasswordField("Initial password");

    private final BeanValidationBinder<NewUser> binder = new BeanValidationBinder<>(NewUser.class);
    private final Creator creator;
    private final Consumer<UserSummary> onCreated;

    NewUserDialog(Creator creator, Consumer<UserSummary> onCreated) {
        super("New user", "Create user", "new-user-dialog");
        this.creator = creator;
        this.onCreated = onCreated;
        // Bean Validation marks only the role (@NotNull) as required by itself; all four are.
        username.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        password.setRequiredIndicatorVisible(true);
        username.setMaxLength(NewUser.USERNAME_MAX_LENGTH);
        username.setHelperText("Used to sign in; letters, digits and . _ @ -");
        displayName.setMaxLength(NewUser.DISPLAY_NAME_MAX_LENGTH);
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::displayName);
        password.setHelperText(PasswordRules.HINT + " Tell it to them in person; they can change it later.");
        binder.forField(username).bind("username");
        binder.forField(displayName).bind("displayName");
        binder.forField(role).bind("role");
        binder.readRecord(NewUser.empty());

        FormLayout form = new FormLayout(username, displayName, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        username.focus();
    }

    @Override
    boolean valid() {
        boolean fieldsValid = binder.validate().isOk();
        password.setInvalid(false);
        if (password.isEmpty()) {
            invalid(password, "Enter an initial password.");
            return false;
        }
        return fieldsValid;
    }

    @Override
    void submit() {
        NewUser user;
        try {
            user = binder.writeRecord();
        } catch (ValidationException invalid) {
            throw new IllegalStateException("checked by valid()", invalid);
        }
        onCreated.accept(creator.create(user.username(), user.displayName(), password.getValue(), user.role()));
    }

    @Override
    @Nullable HasValidation fieldFor(UserChangeRefusedException.Field field) {
        return switch (field) {
            case USERNAME -> username;
            case DISPLAY_NAME -> displayName;
            case ROLE -> role;
            case PASSWORD -> password;
            default -> null;
        };
    }
}
