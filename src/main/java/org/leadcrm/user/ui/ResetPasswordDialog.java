package org.leadcrm.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;
import org.leadcrm.security.PasswordRules;
import org.leadcrm.security.UserChangeRefusedException;
import org.leadcrm.security.UserRow;
import org.springframework.lang.Nullable;

/** A new password for a user who has forgotten theirs, under the same rules as any other. */
class ResetPasswordDialog extends UserFormDialog {

    final PasswordField password = new PasswordField("New password");

    private final Consumer<String> resetter;
    private final Runnable onReset;

    /** @param resetter sets the password; throws {@link UserChangeRefusedException} to refuse */
    ResetPasswordDialog(UserRow user, Consumer<String> resetter, Runnable onReset) {
        super("Reset the password of " + user.displayName(), "Reset password", "reset-password-dialog");
        this.resetter = resetter;
        this.onReset = onReset;
        password.setHelperText(PasswordRules.HINT);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        Paragraph tell = new Paragraph("Tell " + user.displayName() + " the new password in person or by phone. "
                + "They can change it from their user menu once signed in.");
        tell.addClassName("hint");
        add(password, tell);
        password.focus();
    }

    @Override
    boolean valid() {
        if (password.isEmpty()) {
            invalid(password, "Enter a new password.");
            return false;
        }
        password.setInvalid(false);
        return true;
    }

    @Override
    void submit() {
        resetter.accept(password.getValue());
        onReset.run();
    }

    @Override
    @Nullable HasValidation fieldFor(UserChangeRefusedException.Field field) {
        return field == UserChangeRefusedException.Field.PASSWORD ? password : null;
    }
}
