package org.leadcrm.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinRequest;
import org.leadcrm.security.PasswordRules;
import org.leadcrm.security.UserChangeRefusedException;
import org.leadcrm.security.UserService;
import org.springframework.lang.Nullable;

/**
 * Changes the signed-in user's own password: the current one, and the new one twice. A wrong
 * current password counts as a failed sign-in from this browser's address (the service decides).
 */
class ChangePasswordDialog extends Dialog {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Paragraph formError = new Paragraph();
    final Button change = new Button("Change password");

    private final UserService users;

    ChangePasswordDialog(UserService users) {
        this.users = users;
        addClassName("change-password-dialog");
        setHeaderTitle("Change your password");
        setCloseOnOutsideClick(false);
        setWidth("26rem");
        newPassword.setHelperText(PasswordRules.HINT);
        current.setRequiredIndicatorVisible(true);
        newPassword.setRequiredIndicatorVisible(true);
        repeated.setRequiredIndicatorVisible(true);
        formError.addClassName("form-error");
        formError.setVisible(false);
        FormLayout form = new FormLayout(current, newPassword, repeated);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> submit());
        getFooter().add(new Button("Cancel", e -> close()), change);
        current.focus();
    }

    private void submit() {
        formError.setVisible(false);
        if (!filledIn()) {
            return;
        }
        try {
            users.changeOwnPassword(current.getValue(), newPassword.getValue(), clientAddress());
            close();
            Notifications.success("Your password is changed. Use the new one the next time you sign in.");
        } catch (UserChangeRefusedException refused) {
            switch (refused.field()) {
                case CURRENT_PASSWORD -> invalid(current, refused.getMessage());
                case PASSWORD -> invalid(newPassword, refused.getMessage());
                default -> showFormError(refused.getMessage());
            }
        } catch (RuntimeException other) {
            showFormError(ErrorMessages.messageFor(other));
        }
    }

    /** What the dialog can tell by itself, field by field. */
    private boolean filledIn() {
        current.setInvalid(false);
        newPassword.setInvalid(false);
        repeated.setInvalid(false);
        boolean ok = true;
        if (current.isEmpty()) {
            ok = invalid(current, "Enter your current password.");
        }
        if (newPassword.isEmpty()) {
            ok = invalid(newPassword, "Enter a new password.");
        } else if (!newPassword.getValue().equals(repeated.getValue())) {
            ok = invalid(repeated, "This is not the same as the new password above.");
        }
        return ok;
    }

    /** Where this browser's requests come from, as the sign-in throttle sees them (behind a trusted proxy too). */
    private static @Nullable String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    private static boolean invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
