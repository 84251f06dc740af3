package org.leadcrm.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.security.UserChangeRefusedException;
import org.springframework.lang.Nullable;

/**
 * A small dialog that changes a user: the action and Cancel in the footer, and what the service
 * refuses shown on the field it is about, or above the form when it is about the account as a
 * whole ("the last active Administrator"). The dialog stays open with what was typed.
 */
abstract class UserFormDialog extends Dialog {

    final Paragraph formError = new Paragraph();
    final Button action;

    UserFormDialog(String title, String actionText, String className) {
        addClassName(className);
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("30rem");
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(formError);
        action = new Button(actionText, e -> submitted());
        action.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), action);
    }

    /** Calls the service; throws what it refuses. The dialog closes when this returns. */
    abstract void submit();

    /** The field a refusal about {@code field} belongs on, or null to show it above the form. */
    abstract @Nullable HasValidation fieldFor(UserChangeRefusedException.Field field);

    /** Checks what the dialog can check itself, marking each wrong field; whether all is well. */
    boolean valid() {
        return true;
    }

    private void submitted() {
        formError.setVisible(false);
        if (!valid()) {
            return;
        }
        try {
            submit();
            close();
        } catch (UserChangeRefusedException refused) {
            HasValidation field = fieldFor(refused.field());
            if (field == null) {
                showFormError(refused.getMessage());
            } else {
                invalid(field, refused.getMessage());
            }
        } catch (RuntimeException other) {
            showFormError(ErrorMessages.messageFor(other));
        }
    }

    static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
